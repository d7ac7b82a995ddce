import type { StoredBody } from '../cassette/types';
import { streamChunks } from '../streaming/bodyChunks';
import { parseJsonLossless } from './json';

const BLOB_TYPES = [
  'image/',
  'video/',
  'audio/',
  'font/',
  'application/octet-stream',
  'application/pdf',
  'application/zip',
  'application/gzip',
  'application/x-tar',
  'application/protobuf',
  'application/x-protobuf',
  'application/msgpack',
  'application/wasm',
];
const TEXT_TYPES = ['text/', 'application/xml', 'application/x-www-form-urlencoded', 'application/javascript'];

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

// Control characters other than tab, newline, carriage return and form feed mark binary data.
const NON_PRINTABLE = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

function bytesOf(body: Uint8Array | string): Uint8Array {
  return typeof body === 'string' ? encoder.encode(body) : body;
}

function jsonOrText(text: string): StoredBody {
  const parsed = parseJsonLossless(text);
  return parsed.ok ? { body_type: 'json', body_json: parsed.value } : { body_type: 'text', body: text };
}

/**
 * Chooses how a body is stored: `json` (only when it survives a round trip), `text` (valid UTF-8),
 * or `blob` (base64). The content type decides first; otherwise the bytes are sniffed.
 */
export function encodeBody(body: Uint8Array | string, contentType: string | undefined): StoredBody {
  if (typeof body === 'string' ? body.length === 0 : body.byteLength === 0) return { body_type: 'text', body: '' };
  const type = (contentType ?? '').toLowerCase();
  if (typeof body === 'string' && type.includes('json')) return jsonOrText(body);
  if (BLOB_TYPES.some((t) => type.startsWith(t))) return { body_type: 'blob', body_blob: toBase64(bytesOf(body)) };
  const text = typeof body === 'string' ? body : decodeUtf8(body);
  if (text === undefined) return { body_type: 'blob', body_blob: toBase64(bytesOf(body)) };
  if (type.includes('json')) return jsonOrText(text);
  if (TEXT_TYPES.some((t) => type.startsWith(t))) return { body_type: 'text', body: text };
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    const stored = jsonOrText(text);
    if (stored.body_type === 'json') return stored;
  }
  if (NON_PRINTABLE.test(text)) return { body_type: 'blob', body_blob: toBase64(bytesOf(body)) };
  return { body_type: 'text', body: text };
}

/** The bytes a stored body stands for. JSON is written compactly. */
export function decodeBody(body: StoredBody): Uint8Array {
  switch (body.body_type) {
    case 'json':
      return encoder.encode(body.body_json === undefined ? '' : JSON.stringify(body.body_json));
    case 'blob':
      return new Uint8Array(Buffer.from(body.body_blob ?? '', 'base64'));
    case 'sse':
    case 'ndjson':
      return encoder.encode(streamChunks(body)!.texts.join(''));
    default:
      return encoder.encode(body.body ?? '');
  }
}

import zlib from 'node:zlib';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decodeOne(bytes: Uint8Array, coding: string): Uint8Array {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.gunzipSync(bytes);
    case 'deflate':
      try {
        return zlib.inflateSync(bytes);
      } catch {
        return zlib.inflateRawSync(bytes);
      }
    case 'br':
      return zlib.brotliDecompressSync(bytes);
    default:
      throw new Error(`unsupported content-encoding ${coding}`);
  }
}

/**
 * Returns the decoded body. Node's `fetch` already decodes gzip, deflate and br but keeps the
 * header; other transports may not. Bytes that are valid UTF-8 are taken as already decoded
 * (compressed data practically never is); otherwise each coding is undone in reverse order, and
 * the bytes are kept as they are if that fails.
 */
export function decodeContentEncoding(bytes: Uint8Array, contentEncoding: string | undefined): Uint8Array {
  if (!contentEncoding || bytes.byteLength === 0) return bytes;
  const codings = contentEncoding
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity');
  if (codings.length === 0 || isUtf8(bytes)) return bytes;
  try {
    let out = bytes;
    for (const coding of codings.reverse()) out = new Uint8Array(decodeOne(out, coding));
    return out;
  } catch {
    return bytes;
  }
}

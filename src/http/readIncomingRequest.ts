import type { StoredHeaders } from '../cassette/types';
import { headersToStored } from './headers';

/** A request as the engine sees it: parsed once, body read once. */
export interface IncomingRequest {
  method: string;
  url: URL;
  /** Lower-cased headers as the caller sent them, credentials included. */
  headers: StoredHeaders;
  /** The body, as text when the caller gave text (no copy), otherwise bytes. */
  body: string | Uint8Array;
  signal: AbortSignal | undefined;
  /** Everything needed to send the same request live (built only when a live call is made). */
  networkInit(): RequestInit;
}

const REQUEST_FIELDS = [
  'cache',
  'credentials',
  'integrity',
  'keepalive',
  'mode',
  'redirect',
  'referrer',
  'referrerPolicy',
] as const;

function sendable(body: string | Uint8Array, method: string): BodyInit | undefined {
  if (method === 'GET' || method === 'HEAD') return undefined;
  if (typeof body === 'string') return body;
  return body.byteLength === 0 ? undefined : (body as BodyInit);
}

function fromParts(url: URL, method: string, headers: StoredHeaders, body: string | Uint8Array, signal: AbortSignal | undefined, base: RequestInit): IncomingRequest {
  return {
    method,
    url,
    headers,
    body,
    signal,
    networkInit() {
      const pairs: [string, string][] = [];
      for (const name of Object.keys(headers)) for (const value of headers[name]!) pairs.push([name, value]);
      return { ...base, method, headers: pairs, body: sendable(body, method), signal: signal ?? null };
    },
  };
}

/**
 * The common case, read without building a `Request` (or awaiting): a string or `URL` and a
 * string body or none, which is what the LLM SDKs send. Undefined for anything else.
 */
export function readPlainRequest(input: RequestInfo | URL, init?: RequestInit): IncomingRequest | undefined {
  const initBody = init?.body;
  if (!(typeof input === 'string' || input instanceof URL) || !(initBody === undefined || initBody === null || typeof initBody === 'string')) return undefined;
  const url = new URL(input);
  const method = (init?.method ?? 'GET').toUpperCase();
  const headers = headersToStored(init?.headers);
  if (typeof initBody === 'string' && !headers['content-type']) headers['content-type'] = ['text/plain;charset=UTF-8'];
  return fromParts(url, method, headers, initBody ?? '', init?.signal ?? undefined, init ?? {});
}

/**
 * Parses the arguments of a `fetch` call. Plain URL + string body (what LLM SDKs send) is read
 * without building a `Request`; everything else goes through `Request` so every body type works.
 */
export async function readIncomingRequest(input: RequestInfo | URL, init?: RequestInit): Promise<IncomingRequest> {
  const plain = readPlainRequest(input, init);
  if (plain) return plain;
  const plainInput = typeof input === 'string' || input instanceof URL;
  const request = new Request(input, init);
  const base: RequestInit = {};
  if (!plainInput) for (const field of REQUEST_FIELDS) (base as Record<string, unknown>)[field] = (input as Request)[field];
  Object.assign(base, init);
  const body = request.body ? new Uint8Array(await request.arrayBuffer()) : new Uint8Array(0);
  return fromParts(new URL(request.url), request.method.toUpperCase(), headersToStored(request.headers), body, init?.signal ?? request.signal, base);
}

import type { StoredRequest } from '../cassette/types';
import { canonicalJson } from '../http/json';
import type { BuiltinMatcher, ResolvedMatchers } from '../options/resolveOptions';

/** Headers that change per call, per SDK release or per transport: ignored by `headers` unless named. */
const VOLATILE_HEADER = /^(user-agent|x-stainless-.*|x-goog-api-client|host|connection|content-length|accept-encoding|accept-language|sec-fetch-mode|keep-alive|traceparent|tracestate|baggage|sentry-trace|x-request-id)$/;

export function normalizeMethod(r: StoredRequest): string {
  return r.method.toUpperCase();
}

// Requests go to few distinct endpoints: normalised URIs are remembered (bounded).
const uriCache = new Map<string, string>();

export function normalizeUri(r: StoredRequest): string {
  const cached = uriCache.get(r.uri);
  if (cached !== undefined) return cached;
  let normal: string;
  try {
    const u = new URL(r.uri);
    normal = `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    normal = r.uri;
  }
  if (uriCache.size >= 1000) uriCache.clear();
  uriCache.set(r.uri, normal);
  return normal;
}

/** Decoded query pairs, sorted (repeated keys kept). */
export function queryPairs(r: StoredRequest): [string, string][] {
  const q = r.query_string ?? '';
  if (q === '') return [];
  const pairs = [...new URLSearchParams(q)];
  return pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}

export function normalizeQuery(r: StoredRequest): string {
  const pairs = queryPairs(r);
  return pairs.length === 0 ? '' : JSON.stringify(pairs);
}

/** The multipart boundary of a request, which is random per request and so never compared. */
function multipartBoundary(r: StoredRequest): string | undefined {
  const type = r.headers?.['content-type']?.[0];
  if (!type || !/^multipart\//i.test(type)) return undefined;
  return /boundary="?([^";]+)"?/i.exec(type)?.[1];
}

export function normalizeBody(r: StoredRequest): string {
  const boundary = multipartBoundary(r);
  switch (r.body_type) {
    case 'json':
      return `j${canonicalJson(r.body_json)}`;
    case 'blob':
      if (boundary) return `t${Buffer.from(r.body_blob ?? '', 'base64').toString('latin1').split(boundary).join('BOUNDARY')}`;
      return `b${r.body_blob ?? ''}`;
    default:
      return `t${boundary ? (r.body ?? '').split(boundary).join('BOUNDARY') : (r.body ?? '')}`;
  }
}

export function comparedHeaders(r: StoredRequest, names: string[] | undefined): [string, string[]][] {
  const out: [string, string[]][] = [];
  for (const name of Object.keys(r.headers ?? {})) {
    const key = name.toLowerCase();
    if (names ? !names.includes(key) : VOLATILE_HEADER.test(key)) continue;
    const values = key === 'content-type' ? r.headers[name]!.map((v) => v.replace(/boundary=("?)[^";]+/i, 'boundary=$1BOUNDARY')) : r.headers[name]!;
    out.push([key, [...values].sort()]);
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

export function normalizeHeaders(r: StoredRequest, names: string[] | undefined): string {
  return JSON.stringify(comparedHeaders(r, names));
}

export function normalizeFor(matcher: BuiltinMatcher, r: StoredRequest, headerNames: string[] | undefined): string {
  switch (matcher) {
    case 'method':
      return normalizeMethod(r);
    case 'uri':
      return normalizeUri(r);
    case 'query':
      return normalizeQuery(r);
    case 'body':
      return normalizeBody(r);
    case 'headers':
      return normalizeHeaders(r, headerNames);
  }
}

/** One string equal for two requests exactly when every built-in matcher agrees. */
export function requestSignature(r: StoredRequest, matchers: ResolvedMatchers): string {
  let key = '';
  for (const m of matchers.builtins) key += `${normalizeFor(m, r, matchers.headerNames)}\u0001`;
  return key;
}

/** ReqCassette 0.1 files carry no request; such an interaction answers any request. */
export function isWildcardRequest(r: StoredRequest): boolean {
  return r.method === 'UNKNOWN' && r.uri === 'UNKNOWN';
}

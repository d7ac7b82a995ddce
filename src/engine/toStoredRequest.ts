import type { StoredHeaders, StoredRequest } from '../cassette/types';
import type { IncomingRequest } from '../http/readIncomingRequest';
import { encodeBody } from '../http/bodyCodec';
import type { ResolvedOptions } from '../options/resolveOptions';
import { filterBody, filterHeaderValues, replaceAll } from '../redaction/applySensitiveData';
import { REDACTED } from '../redaction/builtinSecrets';
import { redactQuery } from '../redaction/redactQuery';
import type { SecretTracker } from '../redaction/SecretTracker';

/** Remembers the values of the credentials this request carries, before they are removed. */
function trackCredentials(incoming: IncomingRequest, options: ResolvedOptions, tracker: SecretTracker): void {
  for (const name of Object.keys(incoming.headers)) {
    if (options.requestHeadersRemoved.has(name) || options.requestHeadersMasked.has(name)) for (const v of incoming.headers[name]!) tracker.add(v);
  }
  for (const [key, value] of incoming.url.searchParams) if (options.secretQueryParams.has(key.toLowerCase())) tracker.add(value);
  if (incoming.url.password) tracker.add(decodeURIComponent(incoming.url.password));
}

/** Removes `removed` headers and replaces the values of `masked` ones with the placeholder. */
export function scrubHeaders(headers: StoredHeaders, removed: ReadonlySet<string>, masked: ReadonlySet<string>): StoredHeaders {
  const out: StoredHeaders = {};
  for (const name of Object.keys(headers)) {
    const key = name.toLowerCase();
    if (removed.has(key)) continue;
    out[key] = masked.has(key) ? headers[name]!.map(() => REDACTED) : headers[name]!;
  }
  return out;
}

/**
 * The stored (and matched) form of a request: the `filterRequest` hook, then `filterSensitiveData`,
 * then header removal and query redaction. The same function runs at record time and before
 * matching, so a filtered recording still matches.
 */
export function toStoredRequest(incoming: IncomingRequest, options: ResolvedOptions, tracker?: SecretTracker): StoredRequest {
  const { url } = incoming;
  if (tracker) trackCredentials(incoming, options, tracker);
  let request: StoredRequest = {
    method: incoming.method,
    uri: `${url.protocol}//${url.host}${url.pathname}`,
    query_string: url.search.slice(1),
    headers: options.filterRequest ? { ...incoming.headers } : incoming.headers,
    ...encodeBody(incoming.body, incoming.headers['content-type']?.[0]),
  };
  if (options.filterRequest) request = options.filterRequest(request);
  const filters = options.sensitiveData;
  if (filters.length) {
    request = filterBody(
      { ...request, uri: replaceAll(request.uri, filters), query_string: replaceAll(request.query_string, filters), headers: filterHeaderValues(request.headers, filters) },
      filters,
    );
  }
  request.headers = scrubHeaders(request.headers, options.requestHeadersRemoved, options.requestHeadersMasked);
  request.query_string = redactQuery(request.query_string, options.secretQueryParams);
  request.method = request.method.toUpperCase();
  if (tracker?.size) {
    // Values of credentials seen in this run are replaced wherever else they appear.
    const { body_json, body_blob, ...rest } = request;
    const scrubbed = tracker.scrub(rest) as StoredRequest;
    if (body_json !== undefined) scrubbed.body_json = typeof incoming.body === 'string' && !tracker.appearsIn(incoming.body) ? body_json : tracker.scrub(body_json);
    if (body_blob !== undefined) scrubbed.body_blob = scrubBlob(body_blob, tracker);
    request = scrubbed;
  }
  return request;
}

/** Scrubs tracked values inside a base64 body (as latin1, so every byte survives). */
export function scrubBlob(base64: string, tracker: SecretTracker): string {
  const text = Buffer.from(base64, 'base64').toString('latin1');
  const after = tracker.scrubText(text);
  return after === text ? base64 : Buffer.from(after, 'latin1').toString('base64');
}

import type { StoredHeaders, StoredRequest } from '../cassette/types';
import type { IncomingRequest } from '../http/readIncomingRequest';
import { encodeBody } from '../http/bodyCodec';
import type { ResolvedOptions } from '../options/resolveOptions';
import { filterBody, filterHeaderValues, replaceAll } from '../redaction/applySensitiveData';
import { REDACTED } from '../redaction/builtinSecrets';
import { redactQuery } from '../redaction/redactQuery';

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
export function toStoredRequest(incoming: IncomingRequest, options: ResolvedOptions): StoredRequest {
  const { url } = incoming;
  let request: StoredRequest = {
    method: incoming.method,
    uri: `${url.protocol}//${url.host}${url.pathname}`,
    query_string: url.search.slice(1),
    headers: { ...incoming.headers },
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
  return request;
}

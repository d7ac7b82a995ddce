import type { StoredResponse } from '../cassette/types';
import { encodeBody } from '../http/bodyCodec';
import { decodeContentEncoding } from '../http/decodeContentEncoding';
import { headersToStored } from '../http/headers';
import type { ResolvedOptions } from '../options/resolveOptions';
import { filterBody, filterHeaderValues } from '../redaction/applySensitiveData';
import { HOP_BY_HOP_HEADERS } from '../redaction/builtinSecrets';
import { encodeStreamBody } from '../streaming/encodeStreamBody';
import { type CapturedBody, concatChunks } from './recordResponse';
import { scrubHeaders } from './toStoredRequest';

const NOTHING = new Set<string>();
const TRANSPORT_HEADERS = new Set(HOP_BY_HOP_HEADERS);

/**
 * The stored form of a live response: transport and credential headers removed, the body decoded
 * and stored as JSON, text, blob, or stream events; a failure part-way kept as `body_error`; then
 * `filterSensitiveData` and the `filterResponse` hook.
 */
export function toStoredResponse(live: Response, captured: CapturedBody, options: ResolvedOptions, signal: AbortSignal | undefined): StoredResponse {
  const headers = headersToStored(live.headers);
  const contentType = headers['content-type']?.[0];
  const body =
    encodeStreamBody(captured.chunks, contentType) ??
    encodeBody(decodeContentEncoding(concatChunks(captured.chunks), headers['content-encoding']?.join(', ')), contentType);
  const kept = scrubHeaders(scrubHeaders(headers, TRANSPORT_HEADERS, NOTHING), options.responseHeadersRemoved, options.responseHeadersMasked);
  let response: StoredResponse = {
    status: live.status,
    ...(live.statusText ? { status_text: live.statusText } : {}),
    headers: filterHeaderValues(kept, options.sensitiveData),
    ...body,
  };
  if (captured.error !== undefined || captured.cancelled) {
    // Recorded as it happened: the part that arrived, then the failure, replayed at the same point.
    const error = captured.error instanceof Error ? captured.error : undefined;
    const byClient = captured.cancelled || signal?.aborted === true;
    response.body_error = {
      name: error?.name ?? (byClient ? 'AbortError' : 'Error'),
      message: error?.message ?? (byClient ? 'The client cancelled the body while it was being recorded' : String(captured.error)),
      cut_by: byClient ? 'client' : 'server',
    };
  }
  response = filterBody(response, options.sensitiveData);
  return options.filterResponse ? options.filterResponse(response) : response;
}

import type { StoredResponse } from '../cassette/types';
import { decodeBody } from '../http/bodyCodec';
import { storedToHeaderPairs } from '../http/headers';
import type { IndexEntry } from '../matching/InteractionIndex';
import { HOP_BY_HOP_HEADERS } from '../redaction/builtinSecrets';

/** Statuses whose responses have no body. */
const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);
const OMIT_ON_REPLAY = new Set(HOP_BY_HOP_HEADERS);

interface ReplayData {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Uint8Array;
}

function replayData(response: StoredResponse): ReplayData {
  return {
    status: response.status,
    statusText: response.status_text ?? '',
    headers: storedToHeaderPairs(response.headers, OMIT_ON_REPLAY),
    body: decodeBody(response),
  };
}

/** Gives a constructed Response the URL a live one would have. */
export function setResponseUrl(response: Response, url: string): Response {
  Object.defineProperty(response, 'url', { value: url, enumerable: true, configurable: true });
  return response;
}

/** The error `fetch` rejects with when its signal is aborted. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** Builds the `Response` for a recorded interaction (decoded once per interaction, then cached). */
export function replayResponse(entry: IndexEntry, url: string, method: string): Response {
  const data = (entry.replayCache ??= replayData(entry.interaction.response)) as ReplayData;
  const body = NULL_BODY_STATUS.has(data.status) || method === 'HEAD' ? null : (data.body as BodyInit);
  const response = new Response(body, { status: data.status, statusText: data.statusText, headers: data.headers });
  return setResponseUrl(response, url);
}

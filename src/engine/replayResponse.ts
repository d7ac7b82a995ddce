import type { StoredBodyError, StoredResponse } from '../cassette/types';
import { decodeBody } from '../http/bodyCodec';
import { storedToHeaderPairs } from '../http/headers';
import type { IndexEntry } from '../matching/InteractionIndex';
import { HOP_BY_HOP_HEADERS } from '../redaction/builtinSecrets';
import { streamChunks } from '../streaming/bodyChunks';
import { type ReplayTiming, replayBody } from '../streaming/replayBody';

/** Statuses whose responses have no body. */
const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);
const OMIT_ON_REPLAY = new Set(HOP_BY_HOP_HEADERS);
const encoder = new TextEncoder();

interface ReplayData {
  status: number;
  statusText: string;
  headers: [string, string][];
  /** The whole body, for bodies replayed in one piece. */
  body: Uint8Array | undefined;
  /** One chunk per event or line, for streamed bodies. */
  chunks: Uint8Array[] | undefined;
  delays: number[];
  error: StoredBodyError | undefined;
}

function replayData(response: StoredResponse): ReplayData {
  const stream = streamChunks(response);
  return {
    status: response.status,
    statusText: response.status_text ?? '',
    headers: storedToHeaderPairs(response.headers, OMIT_ON_REPLAY),
    body: stream ? undefined : decodeBody(response),
    chunks: stream?.texts.map((t) => encoder.encode(t)),
    delays: stream?.delays ?? [],
    error: response.body_error,
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

export interface ReplayContext {
  url: string;
  method: string;
  timing: ReplayTiming;
  signal: AbortSignal | undefined | null;
}

/**
 * Builds the `Response` for a recorded interaction (decoded once per interaction, then cached).
 * Streamed bodies yield one event per chunk, paced by `timing`; a recorded failure replays.
 */
export function replayResponse(entry: Pick<IndexEntry, 'interaction' | 'replayCache'>, ctx: ReplayContext): Response {
  const data = (entry.replayCache ??= replayData(entry.interaction.response)) as ReplayData;
  let body: BodyInit | null;
  if (NULL_BODY_STATUS.has(data.status) || ctx.method === 'HEAD') body = null;
  else if (data.chunks) body = replayBody(data.chunks, data.delays, ctx.timing, data.error, ctx.signal);
  else if (data.error) body = replayBody([data.body!], [0], 'instant', data.error, ctx.signal);
  else body = data.body as BodyInit;
  const response = new Response(body, { status: data.status, statusText: data.statusText, headers: data.headers });
  return setResponseUrl(response, ctx.url);
}

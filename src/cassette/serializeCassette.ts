import { sortHeaders } from '../http/headers';
import { sortKeysDeep } from '../http/json';
import type { CassetteFile, StoredBody, StoredInteraction, StoredNdjsonLine, StoredSseEvent } from './types';

// Stream event keys in a fixed order. data_json keeps its own key order: it must write back the
// exact bytes that were received.
const EVENT_KEYS: (keyof StoredSseEvent)[] = ['delay_ms', 'comments', 'event', 'id', 'retry', 'data', 'data_json', 'raw', 'unterminated'];
const LINE_KEYS: (keyof StoredNdjsonLine)[] = ['delay_ms', 'json', 'text', 'unterminated'];

function ordered<T extends object>(item: T, keys: (keyof T)[]): T {
  const out = {} as T;
  for (const k of keys) if (item[k] !== undefined) out[k] = item[k];
  return out;
}

function body(b: StoredBody): StoredBody {
  const ending = b.line_ending && b.line_ending !== ('\n' as string) ? { line_ending: b.line_ending } : {};
  switch (b.body_type) {
    case 'sse':
      return { body_type: 'sse', ...ending, body_events: (b.body_events ?? []).map((e) => ordered(e, EVENT_KEYS)) };
    case 'ndjson':
      return { body_type: 'ndjson', ...ending, body_lines: (b.body_lines ?? []).map((l) => ordered(l, LINE_KEYS)) };
    case 'json':
      return { body_type: 'json', body_json: sortKeysDeep(b.body_json) };
    case 'blob':
      return { body_type: 'blob', body_blob: b.body_blob ?? '' };
    default:
      return { body_type: 'text', body: b.body ?? '' };
  }
}

/** The interaction with its keys in the documented, stable order. */
export function normalizeInteraction(i: StoredInteraction): StoredInteraction {
  const { request, response, recorded_at, ...extra } = i;
  const out: StoredInteraction = {
    request: {
      method: request.method,
      uri: request.uri,
      query_string: request.query_string,
      headers: sortHeaders(request.headers),
      ...body(request),
    },
    response: {
      status: response.status,
      ...(response.status_text ? { status_text: response.status_text } : {}),
      headers: sortHeaders(response.headers),
      ...body(response),
      ...(response.body_error ? { body_error: { name: response.body_error.name, message: response.body_error.message, cut_by: response.body_error.cut_by } } : {}),
    },
    recorded_at,
  };
  for (const key of Object.keys(extra).sort()) out[key] = sortKeysDeep(extra[key]);
  return out;
}

/** Pretty-printed, key-stable JSON: re-recording unchanged traffic gives no diff but `recorded_at`. */
export function serializeCassette(file: CassetteFile): string {
  const { version: _v, interactions, ...extra } = file;
  const out: Record<string, unknown> = { version: '2.0' };
  for (const key of Object.keys(extra).sort()) out[key] = extra[key];
  out.interactions = interactions.map(normalizeInteraction);
  return `${JSON.stringify(out, null, 2)}\n`;
}

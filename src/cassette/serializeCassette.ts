import { sortHeaders } from '../http/headers';
import { sortKeysDeep } from '../http/json';
import type { CassetteFile, StoredBody, StoredInteraction } from './types';

function body(b: StoredBody): StoredBody {
  switch (b.body_type) {
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

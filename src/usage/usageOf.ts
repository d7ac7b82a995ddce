import type { StoredResponse } from '../cassette/types';
import { streamUsage } from '../streaming/streamUsage';
import { extractUsage, type TokenUsage } from './extractUsage';

const cache = new WeakMap<StoredResponse, TokenUsage | null>();

/** Token usage of a stored response (JSON or streamed), computed once per response. */
export function usageOf(response: StoredResponse): TokenUsage | undefined {
  let usage = cache.get(response);
  if (usage === undefined) {
    const r = response;
    usage = (r.body_type === 'json' ? extractUsage(r.body_json) : r.body_type === 'sse' || r.body_type === 'ndjson' ? streamUsage(r) : undefined) ?? null;
    cache.set(response, usage);
  }
  return usage ?? undefined;
}

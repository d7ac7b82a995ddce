import type { StoredBody } from '../cassette/types';
import { extractUsage, type TokenUsage } from '../usage/extractUsage';
import { lineContent } from './ndjsonLines';

function parse(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Token usage of a streamed LLM response: the largest input and output counts seen in any event
 * (OpenAI sends usage once at the end; Anthropic and Gemini send cumulative counts).
 */
export function streamUsage(body: StoredBody): TokenUsage | undefined {
  const values: unknown[] =
    body.body_type === 'sse'
      ? (body.body_events ?? []).map((e) => (e.data_json !== undefined ? e.data_json : parse(e.data)))
      : (body.body_lines ?? []).map((l) => (l.json !== undefined ? l.json : parse(lineContent(l))));
  let found: TokenUsage | undefined;
  for (const value of values) {
    const message = (value as { message?: unknown } | null)?.message;
    for (const usage of [extractUsage(value), extractUsage(message)]) {
      if (!usage) continue;
      found = { input: Math.max(found?.input ?? 0, usage.input), output: Math.max(found?.output ?? 0, usage.output) };
    }
  }
  return found;
}

import type { StoredBody } from '../cassette/types';
import { parseNdjsonLines } from './ndjsonLines';
import { parseSseEvents } from './sseEvents';

const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines', 'application/jsonlines'];

/** True for content types stored event by event. */
export function isStreamContentType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').toLowerCase();
  return type.startsWith('text/event-stream') || NDJSON_TYPES.some((t) => type.startsWith(t));
}

/**
 * Stores an `text/event-stream` body as events and an NDJSON body as lines, each with its delay.
 * Undefined for other content types (or a body that is not UTF-8), which are stored whole.
 */
export function encodeStreamBody(chunks: readonly { bytes: Uint8Array; at: number }[], contentType: string | undefined): StoredBody | undefined {
  const type = (contentType ?? '').toLowerCase();
  const lineEnding = (e: string) => (e === '\n' ? {} : { line_ending: e as '\r\n' | '\r' });
  if (type.startsWith('text/event-stream')) {
    const parsed = parseSseEvents(chunks);
    return parsed && { body_type: 'sse', body_events: parsed.events, ...lineEnding(parsed.lineEnding) };
  }
  if (NDJSON_TYPES.some((t) => type.startsWith(t))) {
    const parsed = parseNdjsonLines(chunks);
    return parsed && { body_type: 'ndjson', body_lines: parsed.lines, ...lineEnding(parsed.lineEnding) };
  }
  return undefined;
}

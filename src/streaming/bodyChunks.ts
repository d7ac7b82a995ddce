import type { StoredBody } from '../cassette/types';
import { serializeNdjsonLine } from './ndjsonLines';
import { serializeSseEvent } from './sseEvents';

/** The texts and delays a streamed body is replayed as: one chunk per event or line. */
export function streamChunks(body: StoredBody): { texts: string[]; delays: number[] } | undefined {
  const ending = body.line_ending ?? '\n';
  if (body.body_type === 'sse') {
    const events = body.body_events ?? [];
    return { texts: events.map((e) => serializeSseEvent(e, ending)), delays: events.map((e) => e.delay_ms ?? 0) };
  }
  if (body.body_type === 'ndjson') {
    const lines = body.body_lines ?? [];
    return { texts: lines.map((l) => serializeNdjsonLine(l, ending)), delays: lines.map((l) => l.delay_ms ?? 0) };
  }
  return undefined;
}

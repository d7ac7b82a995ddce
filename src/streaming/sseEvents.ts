import type { StoredSseEvent } from '../cassette/types';
import { chunkTimeline } from './chunkTimeline';
import { exactJson } from './exactJson';

const STRUCTURED_FIELDS = new Set(['event', 'id', 'retry', 'data']);

/** The text of one stored event, framing included. */
export function serializeSseEvent(event: StoredSseEvent, lineEnding: string): string {
  if (event.raw !== undefined) return event.raw;
  const lines: string[] = [];
  for (const c of event.comments ?? []) lines.push(`:${c}`);
  if (event.event !== undefined) lines.push(`event: ${event.event}`);
  if (event.id !== undefined) lines.push(`id: ${event.id}`);
  if (event.retry !== undefined) lines.push(`retry: ${event.retry}`);
  const data = event.data_json !== undefined ? JSON.stringify(event.data_json) : event.data;
  if (data !== undefined) for (const line of data.split('\n')) lines.push(`data: ${line}`);
  return lines.join(lineEnding) + (event.unterminated ? '' : lineEnding + lineEnding);
}

/** Sets `data` or, when exact, `data_json` on an event. */
export function withData(event: StoredSseEvent, data: string): StoredSseEvent {
  const out = { ...event };
  delete out.data;
  delete out.data_json;
  const json = exactJson(data);
  if (json.ok) out.data_json = json.value;
  else out.data = data;
  return out;
}

function structure(lines: string[], lineEnding: string, blockText: string, delay: number, unterminated: boolean): StoredSseEvent {
  let event: StoredSseEvent = { delay_ms: delay };
  const comments: string[] = [];
  const data: string[] = [];
  for (const line of lines) {
    if (line.startsWith(':')) {
      comments.push(line.slice(1));
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (!STRUCTURED_FIELDS.has(field)) return { delay_ms: delay, raw: blockText };
    if (field === 'data') data.push(value);
    else if (event[field as 'event' | 'id' | 'retry'] !== undefined) return { delay_ms: delay, raw: blockText };
    else event[field as 'event' | 'id' | 'retry'] = value;
  }
  if (comments.length) event.comments = comments;
  if (data.length) event = withData(event, data.join('\n'));
  if (unterminated) event.unterminated = true;
  // Keep the structured form only if it writes back the exact same text.
  if (serializeSseEvent(event, lineEnding) !== blockText) return { delay_ms: delay, raw: blockText, ...(unterminated ? { unterminated: true as const } : {}) };
  return event;
}

/**
 * Splits a recorded `text/event-stream` body into events with the delay before each one (the time
 * its closing blank line arrived). Undefined when the body is not UTF-8.
 */
export function parseSseEvents(chunks: readonly { bytes: Uint8Array; at: number }[]): { events: StoredSseEvent[]; lineEnding: string } | undefined {
  const timeline = chunkTimeline(chunks);
  if (!timeline) return undefined;
  const { text } = timeline;
  const lineEnding = /\r\n|\n|\r/.exec(text)?.[0] ?? '\n';
  const events: StoredSseEvent[] = [];
  let previous = 0;
  let blockStart = 0;
  let lines: string[] = [];
  let uniform = true;
  const terminator = /\r\n|\n|\r/g;
  let lineStart = 0;
  const push = (end: number, unterminated: boolean) => {
    const at = timeline.timeAt(end);
    const delay = Math.max(0, Math.round(at - previous));
    previous = at;
    const blockText = text.slice(blockStart, end);
    events.push(uniform ? structure(lines, lineEnding, blockText, delay, unterminated) : { delay_ms: delay, raw: blockText, ...(unterminated ? { unterminated: true as const } : {}) });
    blockStart = end;
    lines = [];
    uniform = true;
  };
  for (let m = terminator.exec(text); m; m = terminator.exec(text)) {
    const line = text.slice(lineStart, m.index);
    lineStart = m.index + m[0].length;
    if (m[0] !== lineEnding) uniform = false;
    if (line === '') push(lineStart, false);
    else lines.push(line);
  }
  if (blockStart < text.length) {
    if (lineStart < text.length) lines.push(text.slice(lineStart));
    push(text.length, true);
  }
  return { events, lineEnding };
}

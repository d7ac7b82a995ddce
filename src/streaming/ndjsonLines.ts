import type { StoredNdjsonLine } from '../cassette/types';
import { chunkTimeline } from './chunkTimeline';
import { exactJson } from './exactJson';

export function lineContent(line: StoredNdjsonLine): string {
  return line.json !== undefined ? JSON.stringify(line.json) : (line.text ?? '');
}

export function serializeNdjsonLine(line: StoredNdjsonLine, lineEnding: string): string {
  return lineContent(line) + (line.unterminated ? '' : lineEnding);
}

export function withContent(line: StoredNdjsonLine, content: string): StoredNdjsonLine {
  const out: StoredNdjsonLine = { delay_ms: line.delay_ms };
  const json = exactJson(content);
  if (json.ok) out.json = json.value;
  else out.text = content;
  if (line.unterminated) out.unterminated = true;
  return out;
}

/** Splits a recorded NDJSON body into lines with the delay before each. Undefined if not UTF-8. */
export function parseNdjsonLines(chunks: readonly { bytes: Uint8Array; at: number }[]): { lines: StoredNdjsonLine[]; lineEnding: string } | undefined {
  const timeline = chunkTimeline(chunks);
  if (!timeline) return undefined;
  const { text } = timeline;
  const lineEnding = text.includes('\r\n') ? '\r\n' : '\n';
  const lines: StoredNdjsonLine[] = [];
  let previous = 0;
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf(lineEnding, start);
    const last = end === -1;
    const stop = last ? text.length : end + lineEnding.length;
    const at = timeline.timeAt(stop);
    const line = withContent({ delay_ms: Math.max(0, Math.round(at - previous)), ...(last ? { unterminated: true as const } : {}) }, text.slice(start, last ? text.length : end));
    previous = at;
    lines.push(line);
    start = stop;
  }
  return { lines, lineEnding };
}

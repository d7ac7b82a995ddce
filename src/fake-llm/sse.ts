/** One SSE event as the fake server writes it (framing included). */
export function sseEvent(data: unknown, event?: string, lineEnding = '\n'): string {
  const payload = typeof data === 'string' ? data : JSON.stringify(data);
  return `${event ? `event: ${event}${lineEnding}` : ''}data: ${payload}${lineEnding}${lineEnding}`;
}

/** How a provider route answers: JSON, or a stream of pre-framed events. */
export type FakeReply =
  | { kind: 'json'; status: number; headers: Record<string, string>; body: unknown }
  | {
      kind: 'stream';
      headers: Record<string, string>;
      events: string[];
      /** What to write to fail mid-stream, the provider's way. */
      errorEvent: string;
    };

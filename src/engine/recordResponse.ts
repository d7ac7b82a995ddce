import { setResponseUrl } from './replayResponse';

/** What the recorder saw of a live body. */
export interface CapturedBody {
  chunks: { bytes: Uint8Array; at: number }[];
  /** Set when the body failed or was cancelled part-way. */
  error?: unknown;
  /** The caller cancelled the body before it ended. */
  cancelled: boolean;
}

export function concatChunks(chunks: readonly { bytes: Uint8Array }[]): Uint8Array {
  let length = 0;
  for (const c of chunks) length += c.bytes.byteLength;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) {
    out.set(c.bytes, offset);
    offset += c.bytes.byteLength;
  }
  return out;
}

/**
 * Returns a Response for the caller that streams the live body chunk by chunk as it arrives,
 * while the recorder keeps a copy. When the live body ends, `commit` runs (and is awaited)
 * before the caller's body ends, so an interaction is on disk once its body has been read.
 * The live body is read to its end even if the caller never reads it.
 */
export function recordResponse(
  live: Response,
  url: string,
  commit: (captured: CapturedBody) => Promise<void>,
): { response: Response; done: Promise<void> } {
  const init = { status: live.status, statusText: live.statusText, headers: live.headers };
  if (!live.body) {
    const done = commit({ chunks: [], cancelled: false });
    const response = setResponseUrl(new Response(null, init), url);
    return { response, done };
  }
  const reader = live.body.getReader();
  const captured: CapturedBody = { chunks: [], cancelled: false };
  const started = performance.now();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel(reason) {
      captured.cancelled = true;
      return reader.cancel(reason);
    },
  });
  const done = (async () => {
    try {
      for (;;) {
        const { done: finished, value } = await reader.read();
        if (finished) break;
        captured.chunks.push({ bytes: value, at: performance.now() - started });
        if (!captured.cancelled) controller.enqueue(value);
      }
    } catch (error) {
      captured.error = error;
    }
    let commitError: unknown;
    try {
      await commit(captured);
    } catch (error) {
      commitError = error;
    }
    if (captured.cancelled) return;
    if (captured.error !== undefined) controller.error(captured.error);
    else if (commitError !== undefined) controller.error(commitError);
    else controller.close();
  })();
  const response = setResponseUrl(new Response(body, init), url);
  Object.defineProperty(response, 'redirected', { value: live.redirected, enumerable: true, configurable: true });
  return { response, done };
}

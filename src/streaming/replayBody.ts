import type { StoredBodyError } from '../cassette/types';

/** How replayed streams are paced: `instant`, `recorded`, or a speed factor (2 = twice as fast). */
export type ReplayTiming = 'instant' | 'recorded' | number;

/** The error a replayed body ends with, as close to the recorded one as the platform allows. */
export function bodyErrorOf(error: StoredBodyError): Error {
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return new DOMException(error.message, error.name);
  const Ctor = error.name === 'TypeError' ? TypeError : Error;
  const out = new Ctor(error.message);
  if (out.name !== error.name) out.name = error.name;
  return out;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/**
 * A body that yields one chunk per pull, waiting the recorded delay first unless timing is
 * `instant`, then ends (or fails as recorded). Aborting `signal` fails it with an AbortError.
 */
export function replayBody(chunks: readonly Uint8Array[], delays: readonly number[], timing: ReplayTiming, error: StoredBodyError | undefined, signal: AbortSignal | undefined | null): ReadableStream<Uint8Array> {
  const factor = timing === 'instant' ? 0 : timing === 'recorded' ? 1 : 1 / timing;
  let index = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;
  let onAbort: (() => void) | undefined;
  const cleanup = () => {
    if (timer) clearTimeout(timer);
    if (signal && onAbort) signal.removeEventListener('abort', onAbort);
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (factor === 0) {
          // Instant: every event is queued now, still one chunk per event; reads need no pull.
          for (const chunk of chunks) controller.enqueue(chunk);
          index = chunks.length;
          if (!error) {
            controller.close();
            return;
          }
        }
        if (!signal) return;
        onAbort = () => {
          cleanup();
          wake?.();
          try {
            controller.error(abortError(signal));
          } catch {
            /* already closed */
          }
        };
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      },
      async pull(controller) {
        if (signal?.aborted) return;
        if (index >= chunks.length) {
          cleanup();
          if (error) controller.error(bodyErrorOf(error));
          else controller.close();
          return;
        }
        const wait = (delays[index] ?? 0) * factor;
        if (wait > 0) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            timer = setTimeout(resolve, wait);
          });
          timer = undefined;
          wake = undefined;
          if (signal?.aborted) return;
        }
        controller.enqueue(chunks[index++]!);
        if (index >= chunks.length && !error) {
          cleanup();
          controller.close();
        }
      },
      cancel() {
        cleanup();
      },
    },
    { highWaterMark: 0 },
  );
}

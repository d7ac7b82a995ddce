import type { CassetteOptions } from '../options/CassetteOptions';
import { Cassette } from './Cassette';

export type CassetteCallback<T> = (fetch: typeof globalThis.fetch, cassette: Cassette) => T | Promise<T>;

/**
 * Creates a cassette, runs `fn` with its `fetch`, and always closes it. Returns what `fn` returns.
 * If a client swallowed or wrapped a cassette error (a miss, a blocked write), that error is thrown.
 */
export async function withCassette<T>(name: string, fn: CassetteCallback<T>): Promise<T>;
export async function withCassette<T>(name: string, options: CassetteOptions | undefined, fn: CassetteCallback<T>): Promise<T>;
export async function withCassette<T>(
  name: string,
  optionsOrFn: CassetteOptions | CassetteCallback<T> | undefined,
  maybeFn?: CassetteCallback<T>,
): Promise<T> {
  const fn = typeof optionsOrFn === 'function' ? optionsOrFn : maybeFn;
  const options = typeof optionsOrFn === 'function' ? undefined : optionsOrFn;
  if (typeof fn !== 'function') throw new TypeError('withCassette(name, options?, fn): fn must be a function');
  const cassette = new Cassette(name, options);
  let result: T;
  try {
    result = await fn(cassette.fetch, cassette);
  } catch (error) {
    // The client's wrapper (e.g. "Connection error.") hides the cause: prefer the cassette's own error.
    await cassette.close().catch(() => undefined);
    throw cassette.error ?? error;
  }
  await cassette.close();
  return result;
}

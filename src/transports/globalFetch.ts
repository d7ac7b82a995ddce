import { AsyncLocalStorage } from 'node:async_hooks';
import { Cassette } from '../cassette/Cassette';
import { CassetteError } from '../errors/CassetteError';
import { InvalidOptionError } from '../errors/InvalidOptionError';
import type { CassetteOptions } from '../options/CassetteOptions';

/** What the global `fetch` does with a request made outside any `withGlobalCassette`. */
export type OutsideCassette = 'passthrough' | 'error';

interface Installed {
  original: typeof globalThis.fetch;
  outside: OutsideCassette;
  users: number;
}

const active = new AsyncLocalStorage<Cassette>();
let installed: Installed | undefined;

function router(this: void, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const cassette = active.getStore();
  if (cassette) return cassette.fetch(input, init);
  const state = installed!;
  if (state.outside === 'passthrough') return state.original(input, init);
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return Promise.reject(
    new CassetteError(
      `fetch-cassette: a request to ${url} was made outside any cassette while the global fetch is intercepted with outside: 'error'. Run it inside withGlobalCassette(), or install with outside: 'passthrough'.`,
    ),
  );
}

/**
 * Replaces `globalThis.fetch` with a router: inside `withGlobalCassette` a request goes to that
 * cassette (chosen by async context, so concurrent tests each use their own); outside, it goes
 * to the original `fetch` (`outside: 'passthrough'`, the default) or fails (`'error'`).
 * Returns the function that restores the original `fetch` (installs are counted).
 */
export function installGlobalFetch(options: { outside?: OutsideCassette } = {}): () => void {
  const outside = options.outside ?? 'passthrough';
  if (outside !== 'passthrough' && outside !== 'error') throw new InvalidOptionError('outside', `${JSON.stringify(outside)} is not valid; use 'passthrough' or 'error'`);
  if (!installed) {
    installed = { original: globalThis.fetch, outside, users: 0 };
    globalThis.fetch = router as typeof globalThis.fetch;
  } else {
    installed.outside = outside;
  }
  installed.users++;
  let done = false;
  return () => {
    if (done || !installed) return;
    done = true;
    if (--installed.users === 0) {
      if (globalThis.fetch === router) globalThis.fetch = installed.original;
      installed = undefined;
    }
  };
}

/** The `fetch` that was global before `installGlobalFetch`, or the current global one. */
export function originalFetch(): typeof globalThis.fetch {
  return installed?.original ?? globalThis.fetch;
}

/**
 * Runs `fn` with every global `fetch` call made in its async context (including by clients that
 * look the global up per call, such as `@google/genai` and the Vercel AI SDK) going through the
 * cassette `name`; then closes the cassette. Installs the global router for the duration.
 */
export async function withGlobalCassette<T>(name: string, options: CassetteOptions | undefined, fn: (cassette: Cassette) => T | Promise<T>): Promise<T> {
  const uninstall = installGlobalFetch(installed ? { outside: installed.outside } : {});
  try {
    // Live calls must use the real fetch, not the router.
    const cassette = new Cassette(name, { ...options, fetch: options?.fetch ?? originalFetch() });
    let result: T;
    try {
      result = await active.run(cassette, () => fn(cassette));
    } catch (error) {
      await cassette.close().catch(() => undefined);
      throw cassette.error ?? error;
    }
    await cassette.close();
    return result;
  } finally {
    uninstall();
  }
}

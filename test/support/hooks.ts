import { afterEach, beforeEach } from 'vitest';
import { type FakeLlmServer, startFakeLlmServer } from '../../src/fake-llm/index';
import { type EchoHandler, type EchoServer, startEchoServer } from './echoServer';
import { makeTmpDir } from './tmpDir';

/** A fresh temporary folder for each test of the enclosing suite, removed after it. */
export function useTmpDir(): { readonly dir: string } {
  let current: ReturnType<typeof makeTmpDir> | undefined;
  beforeEach(() => {
    current = makeTmpDir();
  });
  afterEach(() => {
    current?.cleanup();
    current = undefined;
  });
  return {
    get dir() {
      if (!current) throw new Error('useTmpDir: only inside a test');
      return current.dir;
    },
  };
}

/** Runs `start` before each test and closes what it started after it; the result delegates to it. */
function perTest<T extends { close(): Promise<void> }>(start: () => Promise<T>): () => T {
  let current: T | undefined;
  beforeEach(async () => {
    current = await start();
  });
  afterEach(async () => {
    await current?.close().catch(() => undefined);
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('the server exists only inside a test');
    return current;
  };
}

/** A fake LLM server started before each test and closed after it (closing it early is fine). */
export function useFakeLlmServer(): FakeLlmServer {
  const get = perTest(() => startFakeLlmServer());
  return {
    get url() {
      return get().url;
    },
    get openaiBaseURL() {
      return get().openaiBaseURL;
    },
    get hits() {
      return get().hits;
    },
    get requests() {
      return get().requests;
    },
    get stream() {
      return get().stream;
    },
    set stream(value) {
      get().stream = value;
    },
    reset: () => get().reset(),
    close: () => get().close(),
  };
}

/** An echo server (see startEchoServer) started before each test and closed after it. */
export function useEchoServer(handler?: EchoHandler): EchoServer {
  const get = perTest(() => startEchoServer(handler));
  return {
    get url() {
      return get().url;
    },
    get hits() {
      return get().hits;
    },
    get requests() {
      return get().requests;
    },
    close: () => get().close(),
  };
}

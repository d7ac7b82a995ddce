import { afterEach, beforeEach, expect } from 'vitest';
import { Cassette } from '../cassette/Cassette';
import type { CassetteOptions } from '../options/CassetteOptions';
import { cassetteNameForTest } from './cassetteNameForTest';

/** The cassette of the running test, as returned by `useCassette`. */
export interface TestCassette {
  /** The current test's cassette (throws outside a test). */
  readonly cassette: Cassette;
  /** The current test's `fetch`: pass it to your client inside the test. */
  readonly fetch: typeof globalThis.fetch;
}

/**
 * Gives every test of the file (or `describe` block) its own cassette, named from the test file and
 * the test's full name (`<file>/<describe> <test>`), opened before the test and closed after it: a
 * miss or a blocked write fails the test even if the client swallowed it.
 */
export function useCassette(options: CassetteOptions = {}): TestCassette {
  let current: Cassette | undefined;
  beforeEach(() => {
    const state = expect.getState();
    current = new Cassette(cassetteNameForTest(state.testPath, state.currentTestName ?? 'unnamed'), options);
  });
  afterEach(async () => {
    const cassette = current;
    current = undefined;
    await cassette?.close();
  });
  return {
    get cassette() {
      if (!current) throw new Error('fetch-cassette/vitest: the cassette exists only while a test runs (use it inside test(), not at the top level)');
      return current;
    },
    get fetch() {
      const cassette = this.cassette;
      return cassette.fetch;
    },
  };
}

export { cassetteNameForTest };

import { afterEach, beforeEach, expect } from 'vitest';
import type { TestModule } from 'vitest/node';
import type { CassetteStats } from '../cassette/Cassette';
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
  afterEach(async (context) => {
    const cassette = current;
    current = undefined;
    if (!cassette) return;
    try {
      await cassette.close();
    } finally {
      // For CassetteSummaryReporter, which reads it in the main process.
      (context.task.meta as { fetchCassette?: CassetteStats }).fetchCassette = cassette.stats();
    }
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

/** Totals over the tests of a run that used `useCassette`. */
export interface CassetteRunSummary {
  cassettes: number;
  replayed: number;
  recorded: number;
  bypassed: number;
  tokensReplayed: number;
}

/**
 * A Vitest reporter that prints, at the end of the run, what the cassettes did: how many calls
 * were replayed, recorded (live and paid for) or bypassed, and the tokens replayed for free.
 * Add it next to the default reporter: `reporters: ['default', new CassetteSummaryReporter()]`.
 */
export class CassetteSummaryReporter {
  /** The summary of the last run (also printed). */
  summary: CassetteRunSummary | undefined;

  constructor(private readonly print: (line: string) => void = (line) => console.log(line)) {}

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const total: CassetteRunSummary = { cassettes: 0, replayed: 0, recorded: 0, bypassed: 0, tokensReplayed: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const stats = (test.meta() as { fetchCassette?: CassetteStats }).fetchCassette;
        if (!stats) continue;
        total.cassettes++;
        total.replayed += stats.replayed;
        total.recorded += stats.recorded;
        total.bypassed += stats.bypassed;
        total.tokensReplayed += stats.tokensReplayed.total;
      }
    }
    this.summary = total;
    if (total.cassettes === 0) return;
    this.print(
      `fetch-cassette: ${total.cassettes} test cassette${total.cassettes === 1 ? '' : 's'}: ${total.replayed} replayed, ${total.recorded} recorded (live calls), ${total.bypassed} bypassed; ${total.tokensReplayed} tokens replayed`,
    );
  }
}

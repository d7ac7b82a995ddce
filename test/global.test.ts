import { GoogleGenAI } from '@google/genai';
import { afterEach, describe, expect, it } from 'vitest';
import { CassetteError, NoMatchingInteractionError } from '../src/index';
import { installGlobalFetch, withGlobalCassette } from '../src/global';
import { FAKE_KEYS } from './support/drivers';
import { useFakeLlmServer, useTmpDir } from './support/hooks';

const server = useFakeLlmServer();
const tmp = useTmpDir();
const realFetch = globalThis.fetch;
afterEach(() => {
  expect(globalThis.fetch).toBe(realFetch); // always restored
});

const gemini = (prompt: string) =>
  new GoogleGenAI({ apiKey: FAKE_KEYS.google, httpOptions: { baseUrl: server.url } }).models.generateContent({ model: 'gemini-2.5-flash', contents: prompt }).then((r) => r.text);

describe('fetch-cassette/global', () => {
  it('@google/genai (no fetch option) records and replays through the global fetch', async () => {
    const live = await withGlobalCassette('genai', { cassetteDir: tmp.dir }, () => gemini('Explain recursion'));
    expect(live).toMatch(/calls itself/);
    const hits = server.hits;
    await server.close();
    const replayed = await withGlobalCassette('genai', { cassetteDir: tmp.dir, mode: 'replay' }, async (cassette) => {
      const text = await gemini('Explain recursion');
      expect(cassette.stats().replayed).toBe(1);
      return text;
    });
    expect(replayed).toBe(live);
    expect(server.hits).toBe(hits);
  });

  it('routes concurrent work to its own cassette by async context', async () => {
    const [a, b] = await Promise.all([
      withGlobalCassette('a', { cassetteDir: tmp.dir }, async (c) => [await gemini('Hello'), c.stats().recorded]),
      withGlobalCassette('b', { cassetteDir: tmp.dir }, async (c) => [await gemini('Goodbye'), await gemini('Hello'), c.stats().recorded]),
    ]);
    expect(a).toEqual([expect.stringMatching(/Hello/), 1]);
    expect(b).toEqual([expect.stringMatching(/Goodbye/), expect.stringMatching(/Hello/), 2]);
  });

  it('outside any cassette: passthrough by default, or an error', async () => {
    const uninstall = installGlobalFetch();
    try {
      expect(await gemini('Hello')).toMatch(/Hello/);
    } finally {
      uninstall();
    }
    const strict = installGlobalFetch({ outside: 'error' });
    try {
      await expect(gemini('Hello')).rejects.toThrow();
      await expect(globalThis.fetch(`${server.url}/x`)).rejects.toBeInstanceOf(CassetteError);
    } finally {
      strict();
    }
  });

  it('rethrows a miss the client wrapped', async () => {
    await withGlobalCassette('miss', { cassetteDir: tmp.dir }, () => gemini('Hello'));
    await expect(withGlobalCassette('miss', { cassetteDir: tmp.dir, mode: 'replay' }, () => gemini('Goodbye'))).rejects.toBeInstanceOf(NoMatchingInteractionError);
  });
});

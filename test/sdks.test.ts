import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CassetteNotFoundError, createCassette, NoMatchingInteractionError, withCassette } from '../src/index';
import { countingFetch, drivers, FAKE_KEYS } from './support/drivers';
import { useFakeLlmServer, useTmpDir } from './support/hooks';

describe.each(drivers)('through $name', (driver) => {
  const server = useFakeLlmServer();
  const tmp = useTmpDir();

  it('records once, then replays with the server stopped', async () => {
    const prompt = 'Explain recursion in one sentence';
    const live = countingFetch();
    const first = await withCassette('llm_example', { cassetteDir: tmp.dir, fetch: live.fetch }, (fetch) =>
      driver.ask(fetch, server, { prompt }),
    );
    expect(first).toMatch(/calls itself/);
    expect(server.hits).toBe(1);
    expect(live.calls()).toBe(1);

    await server.close();
    const cassette = createCassette('llm_example', { cassetteDir: tmp.dir, mode: 'replay', fetch: live.fetch });
    const second = await driver.ask(cassette.fetch, server, { prompt });
    await cassette.close();
    expect(second).toBe(first);
    expect(live.calls()).toBe(1);
    expect(cassette.stats()).toMatchObject({ replayed: 1, recorded: 0 });
    expect(cassette.stats().tokensReplayed.total).toBeGreaterThan(0);

    const file = readFileSync(cassette.path, 'utf8');
    for (const key of Object.values(FAKE_KEYS)) expect(file).not.toContain(key);
  });

  it('a miss in replay mode names the differing field, even when the SDK wraps the error', async () => {
    await withCassette('miss', { cassetteDir: tmp.dir }, (fetch) => driver.ask(fetch, server, { prompt: 'Hello', maxTokens: 50 }));
    const hits = server.hits;
    const cassette = createCassette('miss', { cassetteDir: tmp.dir, mode: 'replay' });
    const thrown = await driver.ask(cassette.fetch, server, { prompt: 'Hello', maxTokens: 100 }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Error);
    const error = await cassette.close().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoMatchingInteractionError);
    const message = (error as Error).message;
    expect(message).toMatch(/✗ body \$\.max_(output_)?tokens/);
    expect(message).toMatch(/recorded: 50/);
    expect(message).toMatch(/request: {2}100/);
    expect(message).toContain(cassette.path);
    expect(message).toContain('CASSETTE_MODE=record');
    expect(server.hits).toBe(hits);
  });

  it('withCassette rethrows the miss instead of the SDK wrapper', async () => {
    await withCassette('wrapped', { cassetteDir: tmp.dir }, (fetch) => driver.ask(fetch, server, { prompt: 'Hello' }));
    const error = await withCassette('wrapped', { cassetteDir: tmp.dir, mode: 'replay' }, (fetch) =>
      driver.ask(fetch, server, { prompt: 'Goodbye' }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoMatchingInteractionError);
    expect((error as Error).message).toMatch(/✗ body \$\.(messages\[0\]\.content|messages\[0\]\.content\[0\]\.text)/);
  });

  it('replay with no cassette raises CassetteNotFoundError', async () => {
    const error = await withCassette('never_recorded', { cassetteDir: tmp.dir, mode: 'replay' }, (fetch) =>
      driver.ask(fetch, server, { prompt: 'Hello' }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CassetteNotFoundError);
    expect((error as Error).message).toMatch(/never_recorded\.json/);
    expect(existsSync(`${tmp.dir}/never_recorded.json`)).toBe(false);
    expect(server.hits).toBe(0);
  });
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCassette, InvalidOptionError, RecordingNetworkError } from '../src/index';
import { resolveMode } from '../src/options/resolveMode';
import { useEchoServer, useTmpDir } from './support/hooks';

const server = useEchoServer();
const tmp = useTmpDir();

const getN = async (fetch: typeof globalThis.fetch, path = '/x') => ((await (await fetch(`${server.url}${path}`)).json()) as { n: number }).n;
const count = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { interactions: unknown[] }).interactions.length;

describe('mode resolution', () => {
  it('CASSETTE_MODE > option > CI > record', () => {
    expect(resolveMode(undefined, {})).toBe('record');
    expect(resolveMode(undefined, { CI: 'true' })).toBe('replay');
    expect(resolveMode(undefined, { CI: '1' })).toBe('replay');
    expect(resolveMode(undefined, { CI: 'false' })).toBe('record');
    expect(resolveMode('bypass', { CI: 'true' })).toBe('bypass');
    expect(resolveMode('bypass', { CASSETTE_MODE: 'rerecord', CI: 'true' })).toBe('rerecord');
    expect(resolveMode(undefined, { CASSETTE_MODE: 'REPLAY' })).toBe('replay');
  });

  it("'none' is another name for replay", () => {
    expect(resolveMode('none', {})).toBe('replay');
    expect(resolveMode(undefined, { CASSETTE_MODE: 'none' })).toBe('replay');
  });

  it('an unknown mode names the option and lists the legal values', () => {
    expect(() => resolveMode('recrod', {})).toThrow(InvalidOptionError);
    expect(() => resolveMode('recrod', {})).toThrow(/'mode'.*'record', 'replay', 'bypass', 'rerecord'/);
    expect(() => resolveMode(undefined, { CASSETTE_MODE: 'x' })).toThrow(/CASSETTE_MODE/);
  });

  it('cassette.mode shows the effective mode', () => {
    const saved = process.env.CASSETTE_MODE;
    process.env.CASSETTE_MODE = 'bypass';
    try {
      expect(createCassette('m', { cassetteDir: tmp.dir, mode: 'record' }).mode).toBe('bypass');
    } finally {
      process.env.CASSETTE_MODE = saved;
    }
  });
});

describe('record', () => {
  it('creates the file on first recording, replays hits, appends misses across runs', async () => {
    const first = createCassette('rec', { cassetteDir: tmp.dir });
    expect(existsSync(first.path)).toBe(false);
    expect(await getN(first.fetch, '/a')).toBe(1);
    await first.close();
    expect(count(first.path)).toBe(1);

    const second = createCassette('rec', { cassetteDir: tmp.dir });
    expect(await getN(second.fetch, '/a')).toBe(1);
    expect(await getN(second.fetch, '/b')).toBe(2);
    await second.close();
    expect(count(first.path)).toBe(2);
    expect(server.hits).toBe(2);
  });

  it('a cassette that is never used writes no file', async () => {
    const c = createCassette('unused', { cassetteDir: tmp.dir });
    await c.close();
    expect(existsSync(c.path)).toBe(false);
  });

  it('a failed live call raises RecordingNetworkError and records nothing', async () => {
    const c = createCassette('down', { cassetteDir: tmp.dir });
    const error = await c.fetch('http://127.0.0.1:1/nothing-listens-here').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordingNetworkError);
    expect((error as Error).message).toMatch(/GET http:\/\/127\.0\.0\.1:1\/nothing-listens-here/);
    await c.close();
    expect(existsSync(c.path)).toBe(false);
  });
});

describe('bypass', () => {
  it('always calls the network and neither reads nor writes the cassette', async () => {
    const rec = createCassette('bp', { cassetteDir: tmp.dir });
    await getN(rec.fetch);
    await rec.close();
    const before = readFileSync(rec.path, 'utf8');

    const c = createCassette('bp', { cassetteDir: tmp.dir, mode: 'bypass' });
    expect(await getN(c.fetch)).toBe(2);
    expect(await getN(c.fetch, '/new')).toBe(3);
    await c.close();
    expect(readFileSync(rec.path, 'utf8')).toBe(before);
    expect(c.stats()).toMatchObject({ bypassed: 2, replayed: 0, recorded: 0 });

    const fresh = createCassette('bp-none', { cassetteDir: tmp.dir, mode: 'bypass' });
    await getN(fresh.fetch);
    await fresh.close();
    expect(existsSync(fresh.path)).toBe(false);
  });
});

describe('rerecord', () => {
  it("calls the network and replaces the old interactions with this run's", async () => {
    const rec = createCassette('rr', { cassetteDir: tmp.dir });
    await getN(rec.fetch, '/old');
    await getN(rec.fetch, '/kept-no-more');
    await rec.close();
    expect(count(rec.path)).toBe(2);

    const c = createCassette('rr', { cassetteDir: tmp.dir, mode: 'rerecord' });
    expect(await getN(c.fetch, '/old')).toBe(3);
    expect(await getN(c.fetch, '/old')).toBe(4);
    await c.close();
    const file = JSON.parse(readFileSync(c.path, 'utf8')) as { interactions: { response: { body_json: { n: number } } }[] };
    expect(file.interactions.map((i) => i.response.body_json.n)).toEqual([3, 4]);
  });
});

describe('unused interactions at close()', () => {
  it("warns by default, and throws with onUnusedInteractions: 'error'", async () => {
    const rec = createCassette('un', { cassetteDir: tmp.dir });
    await getN(rec.fetch, '/a');
    await getN(rec.fetch, '/b');
    await rec.close();

    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (m: string) => warnings.push(m);
    try {
      const c = createCassette('un', { cassetteDir: tmp.dir, mode: 'replay' });
      await getN(c.fetch, '/a');
      expect(c.stats().unused).toBe(1);
      await c.close();
    } finally {
      console.warn = original;
    }
    expect(warnings.join('\n')).toMatch(/1 recorded interaction was not used.*\n.*#2 GET .*\/b/);

    const strict = createCassette('un', { cassetteDir: tmp.dir, mode: 'replay', onUnusedInteractions: 'error' });
    await getN(strict.fetch, '/a');
    await expect(strict.close()).rejects.toMatchObject({ code: 'ERR_CASSETTE_UNUSED_INTERACTIONS' });
  });
});

describe('close()', () => {
  it('is idempotent and refuses use after close', async () => {
    const c = createCassette('closed', { cassetteDir: tmp.dir });
    await c.close();
    await c.close();
    await expect(c.fetch(`${server.url}/`)).rejects.toThrow(/used after close/);
  });
});

describe('a cassette file edited by hand', () => {
  it('loads with headers given as plain strings', async () => {
    const c = createCassette('hand', { cassetteDir: tmp.dir });
    writeFileSync(
      c.path,
      JSON.stringify({
        version: '2.0',
        interactions: [
          {
            request: { method: 'get', uri: `${server.url}/hand`, query_string: '', headers: {}, body_type: 'text', body: '' },
            response: { status: 200, headers: { 'Content-Type': 'application/json' }, body_type: 'json', body_json: { n: 42 } },
            recorded_at: '2025-01-01T00:00:00Z',
          },
        ],
      }),
    );
    const replay = createCassette('hand', { cassetteDir: tmp.dir, mode: 'replay' });
    expect(await getN(replay.fetch, '/hand')).toBe(42);
    await replay.close();
  });
});

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CassetteCorruptError, createCassette, type CassetteMode } from '../src/index';
import { parseCassette } from '../src/cassette/parseCassette';
import { serializeCassette } from '../src/cassette/serializeCassette';
import { TSX_LOADER } from './support/runTs';
import { useEchoServer, useTmpDir } from './support/hooks';

const WORKER = path.join(__dirname, 'support', 'recordWorker.ts');

function runWorker(args: string[]) {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, WORKER, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CASSETTE_MODE: '', CI: '' } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, exited };
}

const server = useEchoServer();
const tmp = useTmpDir();

describe('concurrent recording into one cassette', () => {
  it('4 processes × 25 concurrent requests end with 100 interactions and a valid file', async () => {
    const workers = [0, 1, 2, 3].map((id) => runWorker([server.url, tmp.dir, 'shared', String(id), '25', 'parallel']));
    const results = await Promise.all(workers.map((w) => w.exited));
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });
    const file = path.join(tmp.dir, 'shared.json');
    const cassette = parseCassette(readFileSync(file, 'utf8'), file);
    expect(cassette.interactions).toHaveLength(100);
    const uris = new Set(cassette.interactions.map((i) => i.request.uri));
    expect(uris.size).toBe(100);
    expect(server.hits).toBe(100);
    expect(readdirSync(tmp.dir).sort()).toEqual(['shared.json']); // no temp or lock files left
  }, 60_000);

  it('concurrent requests in one process are all kept', async () => {
    const c = createCassette('inproc', { cassetteDir: tmp.dir });
    await Promise.all(Array.from({ length: 50 }, (_, i) => c.fetch(`${server.url}/${i}`).then((r) => r.text())));
    await c.close();
    expect(parseCassette(readFileSync(c.path, 'utf8'), c.path).interactions).toHaveLength(50);
  });
});

describe('crash safety', () => {
  it('a process killed while writing leaves a valid file, and the next writer takes over its lock', async () => {
    const name = 'crash';
    const file = path.join(tmp.dir, `${name}.json`);
    // A large cassette makes every write take long enough to be interrupted.
    const big = Array.from({ length: 3000 }, (_, i) => ({
      request: { method: 'GET', uri: `http://x/${i}`, query_string: '', headers: {}, body_type: 'text' as const, body: 'x'.repeat(200) },
      response: { status: 200, headers: {}, body_type: 'text' as const, body: 'y'.repeat(200) },
      recorded_at: '2025-01-01T00:00:00.000Z',
    }));
    writeFileSync(file, serializeCassette({ version: '2.0', interactions: big }));
    let previous = 3000;
    for (const delay of [150, 260, 330, 420, 510]) {
      const { child, exited } = runWorker([server.url, tmp.dir, name, 'k', '0', 'serial']);
      // Kill it some time after its first write landed (its start-up time varies with the load).
      const started = statSync(file).mtimeMs;
      const deadline = Date.now() + 30_000;
      while (statSync(file).mtimeMs === started && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      const result = await exited;
      expect(result.signal).toBe('SIGKILL');
      const after = parseCassette(readFileSync(file, 'utf8'), file);
      expect(after.interactions.length).toBeGreaterThanOrEqual(previous);
      previous = after.interactions.length;
    }
    expect(previous).toBeGreaterThan(3000);
    // The killed writer may have left its lock and a temp file; a new recording still succeeds.
    const c = createCassette(name, { cassetteDir: tmp.dir });
    await (await c.fetch(`${server.url}/after-crash`)).text();
    await c.close();
    expect(parseCassette(readFileSync(file, 'utf8'), file).interactions.length).toBe(previous + 1);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(readdirSync(tmp.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});

describe('a corrupt cassette', () => {
  const corrupt = '{\n  "version": "2.0",\n  "interactions": [\n    { "request": \n';
  it.each<CassetteMode>(['record', 'replay', 'bypass', 'rerecord'])('raises CassetteCorruptError in %s mode and is left byte for byte', (mode) => {
    const file = path.join(tmp.dir, 'broken.json');
    writeFileSync(file, corrupt);
    let error: unknown;
    try {
      createCassette('broken', { cassetteDir: tmp.dir, mode });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CassetteCorruptError);
    expect((error as CassetteCorruptError).message).toContain(file);
    expect((error as CassetteCorruptError).line).toBe(5);
    expect((error as Error).message).toMatch(/left untouched/);
    expect(readFileSync(file, 'utf8')).toBe(corrupt);
  });

  it('a file that is JSON but not a cassette names the bad field', () => {
    const file = path.join(tmp.dir, 'shape.json');
    writeFileSync(file, JSON.stringify({ version: '2.0', interactions: [{ request: { method: 'GET', uri: 'http://x' }, response: { status: '200' } }] }));
    expect(() => createCassette('shape', { cassetteDir: tmp.dir })).toThrow(/interactions\[0\]\.response\.status must be an integer/);
  });

  it('a file that becomes corrupt while recording is not overwritten', async () => {
    const c = createCassette('later', { cassetteDir: tmp.dir });
    writeFileSync(c.path, 'not json');
    const response = await c.fetch(`${server.url}/x`);
    await expect(response.text()).rejects.toThrow();
    await expect(c.close()).rejects.toBeInstanceOf(CassetteCorruptError);
    expect(readFileSync(c.path, 'utf8')).toBe('not json');
  });
});

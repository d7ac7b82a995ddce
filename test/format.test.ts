import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCassette } from '../src/index';
import { serializeCassette } from '../src/cassette/serializeCassette';
import { parseCassette } from '../src/cassette/parseCassette';
import { type EchoServer, startEchoServer } from './support/echoServer';
import { makeTmpDir } from './support/tmpDir';

const FIXTURES = path.join(__dirname, 'fixtures');
let tmp: ReturnType<typeof makeTmpDir>;
beforeEach(() => {
  tmp = makeTmpDir();
});
afterEach(() => tmp.cleanup());

function useFixture(fixture: string, name: string): void {
  copyFileSync(path.join(FIXTURES, fixture), path.join(tmp.dir, `${name}.json`));
}

/** A fetch that fails the test if anything tries to reach the network. */
const noNetwork: typeof globalThis.fetch = () => Promise.reject(new Error('the network was called during replay'));

describe('ReqCassette files', () => {
  it('a ReqCassette 2.0 cassette replays through the Anthropic SDK, offline', async () => {
    useFixture('reqcassette-2.0.json', 'llm_example');
    const cassette = createCassette('llm_example', { cassetteDir: tmp.dir, mode: 'replay', fetch: noNetwork, onUnusedInteractions: 'ignore' });
    const client = new Anthropic({ apiKey: 'test-key', fetch: cassette.fetch, maxRetries: 0 });
    const message = await client.messages.create({
      model: 'claude-sonnet-4-20250514',
      max_tokens: 100,
      messages: [{ role: 'user', content: 'Explain recursion in one sentence' }],
    });
    expect(message.id).toBe('msg_01HandWrittenFixture');
    expect(message.content[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/calls itself/) });

    const csv = await cassette.fetch('https://api.example.com/api/v1/users?per_page=10&page=2');
    expect(await csv.text()).toBe('id,name\n1,Ada\n');
    const png = Buffer.from(await (await cassette.fetch('https://api.example.com/logo.png')).arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    await cassette.close();
    expect(cassette.stats()).toMatchObject({ replayed: 3, unused: 0 });
  });

  it('keeps custom keys of a ReqCassette file when appending to it', async () => {
    useFixture('reqcassette-2.0.json', 'appended');
    const server: EchoServer = await startEchoServer();
    try {
      const c = createCassette('appended', { cassetteDir: tmp.dir, onUnusedInteractions: 'ignore' });
      await (await c.fetch(`${server.url}/new`)).text();
      await c.close();
      const file = JSON.parse(readFileSync(c.path, 'utf8')) as { version: string; interactions: Record<string, unknown>[] };
      expect(file.version).toBe('2.0');
      expect(file.interactions).toHaveLength(4);
      expect(file.interactions[1]!.note).toBe('custom key added by before_record');
    } finally {
      await server.close();
    }
  });

  it('a 1.0 file loads and replays', async () => {
    useFixture('reqcassette-1.0.json', 'v1');
    const c = createCassette('v1', { cassetteDir: tmp.dir, mode: 'replay', fetch: noNetwork });
    expect(await (await c.fetch('https://api.example.com/status')).json()).toEqual({ ok: true, version: 1 });
    await c.close();
  });

  it('a legacy 0.1 file (one response, no request) answers any request', async () => {
    useFixture('reqcassette-0.1.json', 'v01');
    const c = createCassette('v01', { cassetteDir: tmp.dir, mode: 'replay', fetch: noNetwork });
    const response = await c.fetch('https://api.anthropic.com/v1/messages', { method: 'POST', body: '{}' });
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({ id: 'msg_123' });
    await c.close();
  });
});

describe('written files', () => {
  it('are pretty-printed 2.0 with a stable key order: re-recording unchanged traffic differs only in recorded_at', async () => {
    const server = await startEchoServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-b': '2', 'x-a': '1' });
      res.end('{"z":1,"a":{"y":2,"b":3},"list":[3,1,2]}');
    });
    try {
      const run = async () => {
        const c = createCassette('stable', { cassetteDir: tmp.dir, mode: 'rerecord' });
        await (await c.fetch(`${server.url}/x?b=1&a=2`, { method: 'POST', headers: { 'content-type': 'application/json', 'X-Zed': 'z', 'X-Alpha': 'a' }, body: '{"b":1,"a":2}' })).text();
        await c.close();
        return readFileSync(c.path, 'utf8');
      };
      const first = await run();
      const second = await run();
      const strip = (s: string) => s.replace(/"recorded_at": "[^"]+"/, '').replace(/"date": \[\s*"[^"]+"\s*\]/, '');
      expect(strip(second)).toBe(strip(first));
      expect(first.startsWith('{\n  "version": "2.0",\n  "interactions": [\n')).toBe(true);
      const interaction = JSON.parse(first).interactions[0];
      expect(Object.keys(interaction)).toEqual(['request', 'response', 'recorded_at']);
      expect(Object.keys(interaction.request)).toEqual(['method', 'uri', 'query_string', 'headers', 'body_type', 'body_json']);
      expect(Object.keys(interaction.response.body_json)).toEqual(['a', 'list', 'z']);
      expect(interaction.response.body_json.list).toEqual([3, 1, 2]);
      expect(Object.keys(interaction.request.headers)).toEqual([...Object.keys(interaction.request.headers)].sort());
      expect(interaction.request.query_string).toBe('b=1&a=2');
    } finally {
      await server.close();
    }
  });

  it('serialising a parsed file gives the same bytes back', () => {
    const text = serializeCassette(parseCassette(readFileSync(path.join(FIXTURES, 'reqcassette-2.0.json'), 'utf8'), 'x'));
    expect(serializeCassette(parseCassette(text, 'x'))).toBe(text);
  });
});

import { readFileSync } from 'node:fs';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createCassette, withCassette, type CassetteFile } from '../src/index';
import { FAKE_KEYS } from './support/drivers';
import { type EchoServer, startEchoServer } from './support/echoServer';
import { streamDrivers } from './support/streamDrivers';
import { useFakeLlmServer, useTmpDir } from './support/hooks';

const server = useFakeLlmServer();
const tmp = useTmpDir();

const readCassette = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as CassetteFile;

describe.each(streamDrivers)('$name', (driver) => {
  it('gives the same text, tool calls, usage and event sequence live and replayed (server stopped)', async () => {
    const live = await withCassette('stream', { cassetteDir: tmp.dir }, (fetch) => driver.run(fetch, server));
    expect(server.hits).toBe(1);
    expect(live.sequence.length).toBeGreaterThan(2);
    await server.close();
    const replayed = await withCassette('stream', { cassetteDir: tmp.dir, mode: 'replay' }, (fetch) => driver.run(fetch, server));
    expect(replayed).toEqual(live);
    const file = readCassette(`${tmp.dir}/stream.json`);
    expect(file.interactions[0]!.response.body_type).toBe('sse');
    for (const key of Object.values(FAKE_KEYS)) expect(JSON.stringify(file)).not.toContain(key);
  });
});

describe('stored events', () => {
  it('are readable: event names, JSON data, pings; padding and [DONE] kept byte for byte', async () => {
    const rec = createCassette('anthropic', { cassetteDir: tmp.dir });
    const raw = async (fetch: typeof globalThis.fetch, url: string, body: object) =>
      (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).text();
    const anthropicLive = await raw(rec.fetch, `${server.url}/v1/messages`, { model: 'claude', max_tokens: 10, stream: true, messages: [{ role: 'user', content: 'Hello' }] });
    const openaiLive = await raw(rec.fetch, `${server.openaiBaseURL}/chat/completions`, { model: 'gpt', stream: true, messages: [{ role: 'user', content: 'Hello' }] });
    const geminiLive = await raw(rec.fetch, `${server.url}/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse`, { contents: [{ role: 'user', parts: [{ text: 'Hello' }] }] });
    await rec.close();

    const file = readCassette(rec.path);
    const anthropicEvents = file.interactions[0]!.response.body_events!;
    expect(anthropicEvents[0]).toMatchObject({ event: 'message_start', data_json: { type: 'message_start' } });
    expect(anthropicEvents.find((e) => e.event === 'ping')).toMatchObject({ data: '{"type": "ping"}' });
    expect(anthropicEvents.find((e) => e.event === 'content_block_stop')).toMatchObject({ data: '{"type":"content_block_stop","index":0 }' });
    const openaiEvents = file.interactions[1]!.response.body_events!;
    expect(openaiEvents.at(-1)).toMatchObject({ data: '[DONE]' });
    expect(file.interactions[2]!.response.line_ending).toBe('\r\n');

    const rep = createCassette('anthropic', { cassetteDir: tmp.dir, mode: 'replay' });
    expect(await raw(rep.fetch, `${server.url}/v1/messages`, { model: 'claude', max_tokens: 10, stream: true, messages: [{ role: 'user', content: 'Hello' }] })).toBe(anthropicLive);
    expect(await raw(rep.fetch, `${server.openaiBaseURL}/chat/completions`, { model: 'gpt', stream: true, messages: [{ role: 'user', content: 'Hello' }] })).toBe(openaiLive);
    expect(await raw(rep.fetch, `${server.url}/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse`, { contents: [{ role: 'user', parts: [{ text: 'Hello' }] }] })).toBe(geminiLive);
    await rep.close();
    expect(geminiLive).toContain('\r\n\r\n');
  });

  it('replay yields one event per chunk', async () => {
    await withCassette('chunks', { cassetteDir: tmp.dir }, async (fetch) => {
      await (await fetch(`${server.openaiBaseURL}/chat/completions`, { method: 'POST', body: JSON.stringify({ stream: true, messages: [{ role: 'user', content: 'Hello' }] }) })).text();
    });
    const rep = createCassette('chunks', { cassetteDir: tmp.dir, mode: 'replay' });
    const response = await rep.fetch(`${server.openaiBaseURL}/chat/completions`, { method: 'POST', body: JSON.stringify({ stream: true, messages: [{ role: 'user', content: 'Hello' }] }) });
    const reader = response.body!.getReader();
    const chunks: string[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(new TextDecoder().decode(r.value));
    await rep.close();
    const stored = readCassette(rep.path).interactions[0]!.response.body_events!;
    expect(chunks).toHaveLength(stored.length);
    expect(chunks.every((c) => c.startsWith('data: ') && c.endsWith('\n\n'))).toBe(true);
  });
});

describe('recording adds no buffering', () => {
  it('the first event reaches the caller while the server still holds the stream open', async () => {
    let release!: () => void;
    server.stream = { holdAfterFirstEvent: new Promise<void>((r) => (release = r)) };
    const cassette = createCassette('ttfb', { cassetteDir: tmp.dir });
    const client = new OpenAI({ apiKey: FAKE_KEYS.openai, baseURL: server.openaiBaseURL, fetch: cassette.fetch, maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: 'Explain recursion' }] });
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next(); // would hang here if the recorder buffered the body
    expect(first.value?.choices[0]?.delta.role).toBe('assistant');
    release();
    let text = '';
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) text += r.value.choices[0]?.delta.content ?? '';
    expect(text).toMatch(/calls itself/);
    await cassette.close();
  });
});

describe('replayTiming', () => {
  const GAP = 120;
  async function recordPaced(name: string): Promise<void> {
    server.stream = { eventDelayMs: GAP };
    await withCassette(name, { cassetteDir: tmp.dir }, async (fetch) => {
      await (await fetch(`${server.url}/v1/messages`, { method: 'POST', body: JSON.stringify({ stream: true, max_tokens: 5, messages: [{ role: 'user', content: 'Hello' }] }) })).text();
    });
  }
  async function replayGaps(name: string, replayTiming: 'instant' | 'recorded' | number): Promise<number[]> {
    const c = createCassette(name, { cassetteDir: tmp.dir, mode: 'replay', replayTiming });
    const response = await c.fetch(`${server.url}/v1/messages`, { method: 'POST', body: JSON.stringify({ stream: true, max_tokens: 5, messages: [{ role: 'user', content: 'Hello' }] }) });
    const reader = response.body!.getReader();
    const times: number[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) times.push(performance.now());
    await c.close();
    return times.slice(1).map((t, i) => t - times[i]!);
  }

  // Tolerance (documented in docs/streaming.md): a replayed gap is at least 90% of the recorded
  // one and at most 60 ms longer, timers being what they are on a loaded machine.
  it("'recorded' reproduces the recorded gaps; 'instant' has none; a factor scales them", async () => {
    await recordPaced('paced');
    const stored = readCassette(`${tmp.dir}/paced.json`).interactions[0]!.response.body_events!.map((e) => e.delay_ms);
    expect(stored.slice(1).every((d) => d >= GAP * 0.9)).toBe(true);

    const recorded = await replayGaps('paced', 'recorded');
    recorded.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(stored[i + 1]! * 0.9);
      expect(gap).toBeLessThan(stored[i + 1]! + 60);
    });
    const instant = await replayGaps('paced', 'instant');
    expect(instant.reduce((a, b) => a + b, 0)).toBeLessThan(GAP);
    const fast = await replayGaps('paced', 4);
    fast.forEach((gap, i) => expect(gap).toBeLessThan(stored[i + 1]! / 4 + 60));
    expect(fast.reduce((a, b) => a + b, 0)).toBeLessThan(recorded.reduce((a, b) => a + b, 0) / 2);
  });

  it('an abort during a paced replay stops the stream with AbortError', async () => {
    await recordPaced('abort');
    const controller = new AbortController();
    const c = createCassette('abort', { cassetteDir: tmp.dir, mode: 'replay', replayTiming: 'recorded' });
    const response = await c.fetch(`${server.url}/v1/messages`, { method: 'POST', body: JSON.stringify({ stream: true, max_tokens: 5, messages: [{ role: 'user', content: 'Hello' }] }), signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    setTimeout(() => controller.abort(), 30);
    const started = performance.now();
    await expect((async () => { for (;;) if ((await reader.read()).done) break; })()).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(GAP);
    await c.close();
  });
});

describe('failures mid-stream', () => {
  it('an error event sent by the server replays as recorded (Anthropic overloaded_error)', async () => {
    server.stream = { failAfterEvents: 3 };
    const run = async (fetch: typeof globalThis.fetch) => {
      const { default: Anthropic } = await import('@anthropic-ai/sdk');
      const client = new Anthropic({ apiKey: FAKE_KEYS.anthropic, baseURL: server.url, fetch, maxRetries: 0 });
      const stream = client.messages.stream({ model: 'claude-sonnet-4-20250514', max_tokens: 50, messages: [{ role: 'user', content: 'Explain recursion' }] });
      const seen: string[] = [];
      stream.on('streamEvent', (e) => seen.push(e.type));
      const error = await stream.finalMessage().catch((e: Error) => e);
      return { seen, error: String(error) };
    };
    const live = await withCassette('overloaded', { cassetteDir: tmp.dir }, run);
    expect(live.error).toMatch(/Overloaded/);
    await server.close();
    expect(await withCassette('overloaded', { cassetteDir: tmp.dir, mode: 'replay' }, run)).toEqual(live);
  });

  it('a connection cut mid-stream is recorded as such and replays the same failure at the same point', async () => {
    server.stream = { cutAfterEvents: 4 };
    const run = async (fetch: typeof globalThis.fetch) => {
      const response = await fetch(`${server.openaiBaseURL}/chat/completions`, { method: 'POST', body: JSON.stringify({ stream: true, messages: [{ role: 'user', content: 'Explain recursion' }] }) });
      const reader = response.body!.getReader();
      let text = '';
      try {
        for (let r = await reader.read(); !r.done; r = await reader.read()) text += new TextDecoder().decode(r.value);
        return { text, error: undefined };
      } catch (error) {
        return { text, error: `${(error as Error).name}: ${(error as Error).message}` };
      }
    };
    const rec = createCassette('cut', { cassetteDir: tmp.dir });
    const live = await run(rec.fetch);
    await rec.close();
    expect(live.error).toBeDefined();
    expect(live.text.split('\n\n').filter(Boolean)).toHaveLength(4);
    const stored = readCassette(rec.path).interactions[0]!.response;
    expect(stored.body_error).toMatchObject({ cut_by: 'server' });
    expect(stored.body_events).toHaveLength(4);

    const rep = createCassette('cut', { cassetteDir: tmp.dir, mode: 'replay' });
    expect(await run(rep.fetch)).toEqual(live);
    await rep.close();
  });

  it('a client that aborts while recording leaves a valid cassette that says it was cut', async () => {
    server.stream = { eventDelayMs: 20 };
    const c = createCassette('client_abort', { cassetteDir: tmp.dir });
    const client = new OpenAI({ apiKey: FAKE_KEYS.openai, baseURL: server.openaiBaseURL, fetch: c.fetch, maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: 'Explain recursion' }] });
    let n = 0;
    for await (const _ of stream) if (++n === 2) break; // the SDK aborts the request
    await c.close();
    const stored = readCassette(c.path).interactions[0]!.response;
    expect(stored.body_error).toMatchObject({ name: 'AbortError', cut_by: 'client' });
    expect(stored.body_events!.length).toBeGreaterThanOrEqual(2);
  });
});

describe('NDJSON', () => {
  let ndjson: EchoServer;
  afterEach(async () => {
    await ndjson?.close();
  });
  it('is stored per line with delays and replays line by line', async () => {
    ndjson = await startEchoServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      const lines = ['{"model":"llama3","response":"Hel","done":false}', '{"model":"llama3","response":"lo","done":false}', '{"done":true, "eval_count":2}'];
      let i = 0;
      const tick = () => {
        res.write(`${lines[i]}\n`);
        if (++i < lines.length) setTimeout(tick, 10);
        else res.end();
      };
      tick();
    });
    const run = async (fetch: typeof globalThis.fetch) => {
      const reader = (await fetch(`${ndjson.url}/api/generate`, { method: 'POST', body: '{"model":"llama3"}' })).body!.getReader();
      const chunks: string[] = [];
      for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(new TextDecoder().decode(r.value));
      return chunks.join('');
    };
    const rec = createCassette('ndjson', { cassetteDir: tmp.dir });
    const live = await run(rec.fetch);
    await rec.close();
    const stored = readCassette(rec.path).interactions[0]!.response;
    expect(stored.body_type).toBe('ndjson');
    expect(stored.body_lines).toHaveLength(3);
    expect(stored.body_lines![0]).toMatchObject({ json: { model: 'llama3', response: 'Hel', done: false } });
    expect(stored.body_lines![2]).toMatchObject({ text: '{"done":true, "eval_count":2}' });
    const rep = createCassette('ndjson', { cassetteDir: tmp.dir, mode: 'replay' });
    expect(await run(rep.fetch)).toBe(live);
    await rep.close();
  });
});

describe('SSE framing is reproduced byte for byte', () => {
  let raw: EchoServer;
  afterEach(async () => {
    await raw?.close();
  });
  it('comments, id, retry, multi-line data, fields without a space, unknown fields, CR line endings and an unterminated tail', async () => {
    const parts = [
      ': keep-alive\n\n',
      'event: update\nid: 1\nretry: 3000\ndata: {"a":1}\n\n',
      'id: 2\nevent: unusual-order\ndata: y\n\n',
      'data: line one\ndata: line two\n\n',
      'data:{"no":"space"}\n\n',
      'custom: field\ndata: x\n\n',
      'data: cr\r\rdata: mixed\r\n\n',
      'data: [DONE]\n\n',
      'data: cut-off',
    ];
    raw = await startEchoServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      let i = 0;
      const tick = () => {
        if (i === parts.length - 1) return res.end(parts[i]);
        res.write(parts[i++]);
        setTimeout(tick, 5);
      };
      tick();
    });
    const read = async (fetch: typeof globalThis.fetch) => (await fetch(`${raw.url}/sse`)).text();
    const rec = createCassette('framing', { cassetteDir: tmp.dir });
    const live = await read(rec.fetch);
    await rec.close();
    expect(live).toBe(parts.join(''));
    const events = readCassette(rec.path).interactions[0]!.response.body_events!;
    expect(events[0]).toMatchObject({ comments: [' keep-alive'] });
    expect(events[1]).toMatchObject({ id: '1', retry: '3000', event: 'update', data_json: { a: 1 } });
    expect(events[2]).toMatchObject({ raw: 'id: 2\nevent: unusual-order\ndata: y\n\n' });
    expect(events[3]).toMatchObject({ data: 'line one\nline two' });
    expect(events[4]).toMatchObject({ raw: 'data:{"no":"space"}\n\n' });
    expect(events.at(-1)).toMatchObject({ data: 'cut-off', unterminated: true });
    const rep = createCassette('framing', { cassetteDir: tmp.dir, mode: 'replay' });
    expect(await read(rep.fetch)).toBe(live);
    await rep.close();
  });
});

import { readFileSync } from 'node:fs';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { createCassette, InvalidOptionError, withCassette, type CassetteFile, type CassetteOptions } from '../src/index';
import { anthropicDriver, FAKE_KEYS, openaiDriver } from './support/drivers';
import { useEchoServer, useFakeLlmServer, useTmpDir } from './support/hooks';

const server = useFakeLlmServer();
// Echoes the request body (as text) and the id header back: a response that shares the request's values.
const echo = useEchoServer((req, res, n) => {
  res.writeHead(200, { 'content-type': 'application/json', 'x-echo-id': String(req.headers['x-conversation-id'] ?? '') });
  res.end(JSON.stringify({ n, url: req.url, echo: req.body.toString('utf8'), note: 'msg_responseOnly1' }));
});
const tmp = useTmpDir();

const stored = (name: string) => JSON.parse(readFileSync(`${tmp.dir}/${name}.json`, 'utf8')) as CassetteFile;
const conversation = { template: { patterns: { conversation_id: /conv_[a-zA-Z0-9]+/, message_id: /msg_[a-zA-Z0-9]+/ } } } satisfies CassetteOptions;

describe("the seed's template example through the real SDKs", () => {
  it.each([openaiDriver, anthropicDriver])('$name: recorded with conv_abc123, replayed with conv_xyz789, the response carries the new id', async (driver) => {
    const ask = (fetch: typeof globalThis.fetch, id: string) => driver.ask(fetch, server, { prompt: `Explain recursion [${id}]` });
    const first = await withCassette('llm_chat', { ...conversation, cassetteDir: tmp.dir }, (fetch) => ask(fetch, 'conv_abc123'));
    expect(first).toMatch(/function calls itself.*conv_abc123/);
    const hits = server.hits;

    const second = await withCassette('llm_chat', { ...conversation, cassetteDir: tmp.dir, mode: 'replay' }, (fetch) => ask(fetch, 'conv_xyz789'));
    expect(second).toMatch(/function calls itself/);
    expect(second).toContain('conv_xyz789');
    expect(second).not.toContain('conv_abc123');
    expect(server.hits).toBe(hits);

    const file = stored('llm_chat');
    expect(JSON.stringify(file.interactions[0]!.request.body_json)).toContain('{{conversation_id.0}}');
    expect(file.interactions[0]!.template).toMatchObject({ enabled: true, recorded_values: { conversation_id: ['conv_abc123'] }, patterns: { conversation_id: { source: 'conv_[a-zA-Z0-9]+', opts: [] } } });
  });

  it('both calls inside one withCassette, as the seed writes it: the second replays', async () => {
    await withCassette('llm_chat_once', { ...conversation, cassetteDir: tmp.dir }, async (fetch) => {
      const response1 = await anthropicDriver.ask(fetch, server, { prompt: 'Explain recursion [conv_abc123]' });
      expect(response1).toMatch(/function calls itself/);
      const response2 = await anthropicDriver.ask(fetch, server, { prompt: 'Explain recursion [conv_xyz789]' });
      expect(response2).toMatch(/function calls itself.*conv_xyz789/);
    });
    expect(server.hits).toBe(1);
  });
});

describe('Combining Filters and Templates', () => {
  it('the key is filtered and the ids are templated', async () => {
    const options: CassetteOptions = {
      filterRequestHeaders: ['authorization', 'x-api-key'],
      template: {
        patterns: {
          conversation_id: /conv_[a-zA-Z0-9]+/,
          request_id: /req_[a-zA-Z0-9]+/,
          timestamp: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/,
        },
      },
    };
    const haiku = (fetch: typeof globalThis.fetch, id: string, at: string) =>
      fetch(`${server.url}/v1/messages`, {
        method: 'POST',
        headers: { 'x-api-key': 'sk-secret', 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'claude-sonnet-4-20250514', max_tokens: 100, messages: [{ role: 'user', content: `Write a haiku [${id} at ${at}]` }] }),
      }).then(async (r) => ((await r.json()) as { content: { text: string }[] }).content[0]!.text);
    const live = await withCassette('llm_secure_flexible', { ...options, cassetteDir: tmp.dir }, (fetch) => haiku(fetch, 'conv_test123', '2025-01-15T10:30:00Z'));
    expect(live).toContain('\n');
    await server.close();
    const replayed = await withCassette('llm_secure_flexible', { ...options, cassetteDir: tmp.dir, mode: 'replay' }, (fetch) => haiku(fetch, 'conv_other9', '2026-12-03T08:00:00Z'));
    expect(replayed).toBe(live.replace('conv_test123', 'conv_other9'));
    const text = readFileSync(`${tmp.dir}/llm_secure_flexible.json`, 'utf8');
    expect(text).not.toContain('sk-secret');
    expect(text).toContain('{{conversation_id.0}} at {{timestamp.0}}');
  });
});

describe('a tool-calling agent whose tool-call ids differ on every run replays from one cassette', () => {
  /** An agent resuming a saved session: the earlier tool exchange carries ids minted in that session. */
  async function agent(fetch: typeof globalThis.fetch, sessionId: string, provider: 'anthropic' | 'openai') {
    const calculate = (expression: string) => String(Function(`return (${expression.replace(/[^-+*/ .0-9]/g, '')})`)());
    if (provider === 'anthropic') {
      const client = new Anthropic({ apiKey: FAKE_KEYS.anthropic, baseURL: server.url, fetch, maxRetries: 0 });
      const tools: Anthropic.Tool[] = [{ name: 'calculator', description: 'arithmetic', input_schema: { type: 'object', properties: { expression: { type: 'string' } } } }];
      const messages: Anthropic.MessageParam[] = [
        { role: 'user', content: 'What is 2 + 2?' },
        { role: 'assistant', content: [{ type: 'tool_use', id: `toolu_${sessionId}`, name: 'calculator', input: { expression: '2 + 2' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: `toolu_${sessionId}`, content: '4' }] },
        { role: 'assistant', content: 'The answer is 4.' },
        { role: 'user', content: 'What is 15 * 7?' },
      ];
      for (;;) {
        const reply = await client.messages.create({ model: 'claude-sonnet-4-20250514', max_tokens: 200, tools, messages });
        messages.push({ role: 'assistant', content: reply.content });
        const call = reply.content.find((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
        if (!call) return reply.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
        messages.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: calculate((call.input as { expression: string }).expression) }] });
      }
    }
    const client = new OpenAI({ apiKey: FAKE_KEYS.openai, baseURL: server.openaiBaseURL, fetch, maxRetries: 0 });
    const tools: OpenAI.ChatCompletionTool[] = [{ type: 'function', function: { name: 'calculator', parameters: { type: 'object', properties: { expression: { type: 'string' } } } } }];
    const messages: OpenAI.ChatCompletionMessageParam[] = [
      { role: 'user', content: 'What is 2 + 2?' },
      { role: 'assistant', content: null, tool_calls: [{ id: `call_${sessionId}`, type: 'function', function: { name: 'calculator', arguments: '{"expression":"2 + 2"}' } }] },
      { role: 'tool', tool_call_id: `call_${sessionId}`, content: '4' },
      { role: 'user', content: 'What is 15 * 7?' },
    ];
    for (;;) {
      const reply = await client.chat.completions.create({ model: 'gpt-4o-mini', tools, messages });
      const message = reply.choices[0]!.message;
      messages.push(message);
      const call = message.tool_calls?.[0];
      if (!call || call.type !== 'function') return message.content ?? '';
      messages.push({ role: 'tool', tool_call_id: call.id, content: calculate((JSON.parse(call.function.arguments) as { expression: string }).expression) });
    }
  }

  it.each(['anthropic', 'openai'] as const)('%s', async (provider) => {
    const options: CassetteOptions = { template: { preset: 'llm' } };
    const first = await withCassette(`agent_${provider}`, { ...options, cassetteDir: tmp.dir }, (fetch) => agent(fetch, `Run1${Date.now()}`, provider));
    expect(first).toBe('The answer is 105.');
    const hits = server.hits;
    expect(stored(`agent_${provider}`).interactions).toHaveLength(2);
    await server.close();
    const second = await withCassette(`agent_${provider}`, { ...options, cassetteDir: tmp.dir, mode: 'replay' }, (fetch) => agent(fetch, `Run2${Math.random().toString(36).slice(2)}`, provider));
    expect(second).toBe(first);
    expect(server.hits).toBe(hits);
  });
});

const post = (fetch: typeof globalThis.fetch, body: unknown, path = '/x', headers: Record<string, string> = {}) =>
  fetch(`${echo.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then(async (r) => ({
    json: (await r.json()) as { n: number; url: string; echo: string; note: string },
    header: r.headers.get('x-echo-id'),
  }));
const withTemplate = (template: CassetteOptions['template'], extra: CassetteOptions = {}) => ({ cassetteDir: tmp.dir, template, ...extra });

describe('template rules', () => {

  it('duplicates share a marker, and markers are numbered by distinct value with no gaps', async () => {
    await withCassette('dups', withTemplate({ patterns: { conv: /conv_[a-z0-9]+/ } }), (fetch) => post(fetch, { a: 'conv_aaa', b: 'conv_aaa', c: 'conv_bbb' }));
    const req = stored('dups').interactions[0]!;
    expect(req.request.body_json).toEqual({ a: '{{conv.0}}', b: '{{conv.0}}', c: '{{conv.1}}' });
    expect(req.template).toMatchObject({ recorded_values: { conv: ['conv_aaa', 'conv_bbb'] } });
    const r = await withCassette('dups', withTemplate({ patterns: { conv: /conv_[a-z0-9]+/ } }, { mode: 'replay' }), (fetch) => post(fetch, { a: 'conv_x', b: 'conv_x', c: 'conv_y' }));
    expect(JSON.parse(r.json.echo)).toEqual({ a: 'conv_x', b: 'conv_x', c: 'conv_y' });
    // (A, A, B) recorded: (C, D, D) has another structure.
    const miss = await withCassette('dups', withTemplate({ patterns: { conv: /conv_[a-z0-9]+/ } }, { mode: 'replay' }), (fetch) => post(fetch, { a: 'conv_x', b: 'conv_y', c: 'conv_y' })).catch((e: Error) => e);
    expect(miss).toMatchObject({ code: 'ERR_CASSETTE_NO_MATCH' });
  });

  it('request-only values are wildcards; response-only values stay literal', async () => {
    const t = { patterns: { conv: /conv_[a-z0-9]+/, msg: /msg_[a-zA-Z0-9]+/ } };
    const rec = await withCassette('scope', withTemplate(t), (fetch) => post(fetch, { text: 'hi' }, '/c/conv_first'));
    expect(rec.json.note).toBe('msg_responseOnly1');
    const file = stored('scope').interactions[0]!;
    expect(file.request.uri).toMatch(/\/c\/\{\{conv\.0\}\}$/);
    expect(file.response.body_json).toMatchObject({ note: 'msg_responseOnly1', url: '/c/{{conv.0}}' });
    const r = await withCassette('scope', withTemplate(t, { mode: 'replay' }), (fetch) => post(fetch, { text: 'hi' }, '/c/conv_second'));
    expect(r.json).toMatchObject({ url: '/c/conv_second', note: 'msg_responseOnly1', n: rec.json.n });
  });

  it('only string values are templated, JSON keys only with allowKeyTemplates', async () => {
    const t = { patterns: { id: /(?<![:\d])\d{5}(?!\d)/ } }; // five digits, not the port
    await withCassette('strings', withTemplate(t), (fetch) => post(fetch, { count: 12345, label: 'item 12345', '54321': 'key' }));
    expect(stored('strings').interactions[0]!.request.body_json).toEqual({ '54321': 'key', count: 12345, label: 'item {{id.0}}' });
    await withCassette('keys', withTemplate({ ...t, allowKeyTemplates: true }), (fetch) => post(fetch, { label: 'item 12345', '54321': 'key' }));
    expect(stored('keys').interactions[0]!.request.body_json).toEqual({ '{{id.0}}': 'key', label: 'item {{id.1}}' });
  });

  it('the longest of overlapping matches wins (ties: the first name)', async () => {
    const t = { patterns: { short: /conv_[a-z]+/, long: /conv_[a-z]+_\d+/ } };
    await withCassette('overlap', withTemplate(t), (fetch) => post(fetch, { a: 'conv_abc_123 and conv_def' }));
    expect(stored('overlap').interactions[0]!.request.body_json).toEqual({ a: '{{long.0}} and {{short.0}}' });
  });

  it('literal {{…}} in the data survives record and replay', async () => {
    const t = { patterns: { conv: /conv_[a-z0-9]+/ } };
    const body = { prompt: 'Hello {{user}}, see {{conv.0}} and {{!conv.0}} in conv_abc' };
    await withCassette('literal', withTemplate(t), (fetch) => post(fetch, body));
    const r = await withCassette('literal', withTemplate(t, { mode: 'replay' }), (fetch) => post(fetch, { prompt: body.prompt.replace('conv_abc', 'conv_new') }));
    expect(JSON.parse(r.json.echo)).toEqual({ prompt: 'Hello {{user}}, see {{conv.0}} and {{!conv.0}} in conv_new' });
  });

  it('templates imply sequential matching: same-structure interactions replay in order', async () => {
    const t = { patterns: { job: /job_[a-z0-9]+/ } };
    const poll = (fetch: typeof globalThis.fetch, id: string) => post(fetch, { job: id }).then((r) => r.json.n);
    const live = await withCassette('poll', withTemplate(t), async (fetch) => [await poll(fetch, 'job_a'), await poll(fetch, 'job_a'), await poll(fetch, 'job_a')]);
    expect(live).toEqual([1, 2, 3]);
    const replayed = await withCassette('poll', withTemplate(t, { mode: 'replay' }), async (fetch) => [await poll(fetch, 'job_z'), await poll(fetch, 'job_z'), await poll(fetch, 'job_z')]);
    expect(replayed).toEqual([1, 2, 3]);
  });

  it('request headers are templated too, and shared values reach response headers', async () => {
    const t = { patterns: { conv: /conv_[a-z0-9]+/ } };
    const opts = withTemplate(t, { matchRequestsOn: ['method', 'uri', 'body', { headers: ['x-conversation-id'] }] });
    await withCassette('headers', opts, (fetch) => post(fetch, {}, '/h', { 'x-conversation-id': 'conv_one' }));
    expect(stored('headers').interactions[0]!.request.headers['x-conversation-id']).toEqual(['{{conv.0}}']);
    const r = await withCassette('headers', { ...opts, mode: 'replay' }, (fetch) => post(fetch, {}, '/h', { 'x-conversation-id': 'conv_two' }));
    expect(r.header).toBe('conv_two');
  });

  it('presets are combinable with custom patterns', async () => {
    const t = { preset: 'common' as const, patterns: { order: /ord_[0-9]+/ } };
    await withCassette('presets', withTemplate(t), (fetch) => post(fetch, { id: '123e4567-e89b-12d3-a456-426614174000', at: '2025-01-15T10:30:00.123Z', order: 'ord_77' }));
    expect(stored('presets').interactions[0]!.request.body_json).toEqual({ at: '{{iso_timestamp.0}}', id: '{{uuid.0}}', order: '{{order.0}}' });
  });

  it('templates apply to stream events', async () => {
    const t = { patterns: { conv: /conv_[a-z0-9]+/ } };
    const stream = (fetch: typeof globalThis.fetch, id: string) =>
      fetch(`${server.openaiBaseURL}/chat/completions`, { method: 'POST', body: JSON.stringify({ stream: true, messages: [{ role: 'user', content: `Explain recursion ${id}` }] }) }).then((r) => r.text());
    const live = await withCassette('sse', withTemplate(t), (fetch) => stream(fetch, 'conv_aaa'));
    expect(live).toContain('conv_aaa');
    const replayed = await withCassette('sse', withTemplate(t, { mode: 'replay' }), (fetch) => stream(fetch, 'conv_bbb'));
    expect(replayed).toBe(live.replaceAll('conv_aaa', 'conv_bbb'));
  });
});

describe("the original's defects are not reproduced", () => {
  /** The naive way: replace each value everywhere, one after the other (longest first). */
  const naive = (text: string, values: [string, string][]) => values.reduce((t, [v, m]) => t.split(v).join(m), text);

  it('a short value (0 from \\d+) does not corrupt an inserted marker', async () => {
    expect(naive('/items/10/sub/0', [['10', '{{n.0}}'], ['0', '{{n.1}}']])).toBe('/items/{{n.{{n.1}}}}/sub/{{n.1}}'); // the defect
    const t = { patterns: { n: /(?<=\/)\d+(?=\/|$)/ } }; // path segments that are numbers
    await withCassette('short', withTemplate(t), (fetch) => fetch(`${echo.url}/items/10/sub/0`).then((r) => r.text()));
    expect(stored('short').interactions[0]!.request.uri).toMatch(/\/items\/\{\{n\.\d+\}\}\/sub\/\{\{n\.\d+\}\}$/);
    const r = await withCassette('short', withTemplate(t, { mode: 'replay' }), (fetch) => fetch(`${echo.url}/items/42/sub/7`).then((x) => x.json() as Promise<{ url: string }>));
    expect(r.url).toBe('/items/42/sub/7');
  });

  it('data that was never escaped is never unescaped (backslashes and blobs replay byte for byte)', async () => {
    const naiveUnescape = (s: string) => s.replace(/\\\\/g, '\\').replace(/\\\{\\\{/g, '{{');
    const tricky = 'path C:\\\\dir and \\{\\{ braces';
    expect(naiveUnescape(tricky)).not.toBe(tricky); // the defect
    const t = { patterns: { conv: /conv_[a-z0-9]+/ } };
    const body = { note: tricky, id: 'conv_one' };
    await withCassette('escapes', withTemplate(t), (fetch) => post(fetch, body));
    const r = await withCassette('escapes', withTemplate(t, { mode: 'replay' }), (fetch) => post(fetch, { ...body, id: 'conv_two' }));
    expect(JSON.parse(r.json.echo)).toEqual({ note: tricky, id: 'conv_two' });
  });

  it('marker indices do not skip: recorded_values[name][N] is the value of {{name.N}}', async () => {
    // The naive way numbers every occurrence, duplicates included, but stores distinct values.
    const occurrences = ['conv_a', 'conv_a', 'conv_b', 'conv_a', 'conv_c'];
    const naiveMarkers = [...new Set(occurrences)].map((v) => occurrences.indexOf(v));
    expect(naiveMarkers).toEqual([0, 2, 4]); // {{conv.0}}, {{conv.2}}, {{conv.4}}: gaps, and recorded_values[2] is conv_c, not conv_b
    const t = { patterns: { conv: /conv_[a-z]+/ } };
    await withCassette('indices', withTemplate(t), (fetch) => post(fetch, { list: ['conv_a', 'conv_a', 'conv_b', 'conv_a', 'conv_c'] }));
    const i = stored('indices').interactions[0]!;
    expect(i.request.body_json).toEqual({ list: ['{{conv.0}}', '{{conv.0}}', '{{conv.1}}', '{{conv.0}}', '{{conv.2}}'] });
    expect(i.template).toMatchObject({ recorded_values: { conv: ['conv_a', 'conv_b', 'conv_c'] } });
  });
});

describe('template options and the debug log', () => {
  it('invalid settings name the presets and legal shapes', () => {
    expect(() => createCassette('x', { template: { preset: 'gpt' as never } })).toThrow(/available: openai, anthropic, llm, common/);
    expect(() => createCassette('x', { template: { patterns: { 'bad-name': /x/ } } })).toThrow(InvalidOptionError);
    expect(() => createCassette('x', { template: { pattern: {} } as never })).toThrow(/legal keys are patterns, preset and allowKeyTemplates/);
  });

  it('DEBUG=fetch-cassette:template logs extraction and every match decision', async () => {
    const lines: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    const saved = process.env.DEBUG;
    process.env.DEBUG = 'fetch-cassette:*';
    process.stderr.write = ((chunk: string) => (lines.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      const t = { patterns: { conv: /conv_[a-z0-9]+/ } };
      await withCassette('debug', { cassetteDir: tmp.dir, template: t }, (fetch) => fetch(`${echo.url}/c/conv_one`).then((r) => r.text()));
      await withCassette('debug', { cassetteDir: tmp.dir, template: t, mode: 'replay' }, (fetch) => fetch(`${echo.url}/c/conv_two`).then((r) => r.text()));
      await withCassette('debug', { cassetteDir: tmp.dir, template: t, mode: 'replay' }, (fetch) => fetch(`${echo.url}/other/conv_two`).then((r) => r.text())).catch(() => undefined);
    } finally {
      process.stderr.write = write;
      process.env.DEBUG = saved;
    }
    const log = lines.join('');
    expect(log).toMatch(/fetch-cassette:template extraction: GET .*\/c\/\{\{conv\.0\}\} values conv: \["conv_one"\]; in the response: conv\.0/);
    expect(log).toMatch(/match SUCCESS at position #1: GET .*\/c\/conv_two → interaction #1; values: conv=\["conv_two"\]/);
    expect(log).toMatch(/match FAILED at position #1: GET .*\/other\/\{\{conv\.0\}\}/);
  });
});

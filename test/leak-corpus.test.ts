// The leak corpus: fake credentials of every documented shape, placed everywhere a request or a
// response can carry them, recorded through raw fetch and real SDKs. None may reach a file.
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCassette, SecretLeakError } from '../src/index';
import { SECRET_SHAPES } from '../src/redaction/secretShapes';
import { type EchoServer, startEchoServer } from './support/echoServer';
import { makeTmpDir } from './support/tmpDir';

const rand = (n: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') =>
  Array.from({ length: n }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');

/** One fake credential per documented shape, plus one with no recognisable shape. */
const CREDENTIALS: Record<string, () => string> = {
  'anthropic-key': () => `sk-ant-api03-FAKE${rand(40)}`,
  'openai-key': () => `sk-proj-FAKE${rand(40)}`,
  'google-api-key': () => `AIza${rand(35)}`,
  'aws-access-key-id': () => `AKIA${rand(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
  'github-token': () => `ghp_${rand(36)}`,
  'slack-token': () => `xoxb-${rand(12, '0123456789')}-${rand(24)}`,
  'stripe-live-key': () => `sk_live_${rand(24)}`,
  'bearer-token': () => `Bearer ${rand(32)}`,
  'private-key': () => `-----BEGIN PRIVATE KEY-----MIIEv${rand(40)}-----END PRIVATE KEY-----`,
  'no-known-shape': () => `internal-token-${rand(24)}`,
};

type Respond = (res: http.ServerResponse) => void;
interface Placement {
  name: string;
  /** Header-safe secrets only (no newline) are used everywhere; all of ours are. */
  request(secret: string, url: string): { url: string; init: RequestInit };
  respond?(secret: string): Respond;
  /** The secret also travels in a built-in credential header, so value tracking knows it. */
  tracked: boolean;
}

const json = (body: unknown, status = 200): Respond => (res) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const withKeyHeader = (secret: string, init: RequestInit = {}): RequestInit => ({ ...init, headers: { 'x-api-key': secret, ...(init.headers as Record<string, string>) } });
const authValue = (s: string) => (s.startsWith('Bearer ') ? s : `Bearer ${s}`);

const PLACEMENTS: Placement[] = [
  { name: 'authorization header', tracked: true, request: (s, u) => ({ url: `${u}/p`, init: { headers: { authorization: authValue(s) } } }) },
  { name: 'x-api-key header', tracked: true, request: (s, u) => ({ url: `${u}/p`, init: withKeyHeader(s) }) },
  { name: 'api-key header (Azure)', tracked: true, request: (s, u) => ({ url: `${u}/p`, init: { headers: { 'api-key': s } } }) },
  { name: 'x-goog-api-key header', tracked: true, request: (s, u) => ({ url: `${u}/p`, init: { headers: { 'x-goog-api-key': s } } }) },
  { name: 'cookie header', tracked: true, request: (s, u) => ({ url: `${u}/p`, init: { headers: { cookie: `session=${s}` } } }) },
  { name: 'proxy-authorization (basic)', tracked: true, request: (s, u) => ({ url: `${u}/p`, init: { headers: { 'proxy-authorization': `Basic ${Buffer.from(`user:${s}`).toString('base64')}` } } }) },
  { name: 'x-amz-security-token header', tracked: true, request: (s, u) => ({ url: `${u}/p`, init: { headers: { 'x-amz-security-token': s } } }) },
  { name: '?key= query', tracked: true, request: (s, u) => ({ url: `${u}/p?alt=sse&key=${encodeURIComponent(s)}`, init: {} }) },
  { name: '?api_key= query', tracked: true, request: (s, u) => ({ url: `${u}/p?api_key=${encodeURIComponent(s)}`, init: {} }) },
  { name: '?access_token= query', tracked: true, request: (s, u) => ({ url: `${u}/p?access_token=${encodeURIComponent(s)}&x=1`, init: {} }) },
  { name: 'other query parameter', tracked: false, request: (s, u) => ({ url: `${u}/p?q=${encodeURIComponent(s)}`, init: {} }) },
  { name: 'URL path segment', tracked: false, request: (s, u) => ({ url: `${u}/v1/keys/${encodeURIComponent(s)}/usage`, init: {} }) },
  { name: 'path + header (tracked)', tracked: true, request: (s, u) => ({ url: `${u}/v1/keys/${encodeURIComponent(s)}`, init: withKeyHeader(s) }) },
  { name: 'custom request header', tracked: false, request: (s, u) => ({ url: `${u}/p`, init: { headers: { 'x-custom-token': s } } }) },
  { name: 'request JSON value', tracked: false, request: (s, u) => ({ url: `${u}/p`, init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ api_key: s, n: 1 }) } }) },
  { name: 'request JSON key', tracked: false, request: (s, u) => ({ url: `${u}/p`, init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ [s]: true }) } }) },
  { name: 'request JSON value (tracked)', tracked: true, request: (s, u) => ({ url: `${u}/p`, init: withKeyHeader(s, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ content: `my key is ${s}` }] }) }) }) },
  { name: 'request text body', tracked: false, request: (s, u) => ({ url: `${u}/p`, init: { method: 'POST', headers: { 'content-type': 'text/plain' }, body: `token=${s}` } }) },
  { name: 'request form body', tracked: false, request: (s, u) => ({ url: `${u}/p`, init: { method: 'POST', body: new URLSearchParams({ client_secret: s }) } }) },
  { name: 'request binary body', tracked: false, request: (s, u) => ({ url: `${u}/p`, init: { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: Buffer.concat([Buffer.from([0, 1, 2, 255]), Buffer.from(s)]) } }) },
  { name: 'response JSON value (echo)', tracked: true, request: (s, u) => ({ url: `${u}/p`, init: withKeyHeader(s) }), respond: (s) => json({ received: { key: s } }) },
  { name: 'response JSON key (echo)', tracked: true, request: (s, u) => ({ url: `${u}/p`, init: withKeyHeader(s) }), respond: (s) => json({ [s]: 'ok' }) },
  { name: 'response JSON value (not sent)', tracked: false, request: (s, u) => ({ url: `${u}/p`, init: {} }), respond: (s) => json({ items: [{ nested: [{ leaked: s }] }] }) },
  { name: 'response error echo (401)', tracked: true, request: (s, u) => ({ url: `${u}/p`, init: { headers: { authorization: authValue(s) } } }), respond: (s) => json({ error: { message: `Incorrect API key provided: ${s}.`, type: 'invalid_request_error' } }, 401) },
  { name: 'response text body', tracked: true, request: (s, u) => ({ url: `${u}/p`, init: withKeyHeader(s) }), respond: (s) => (res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end(`your key: ${s}`); } },
  { name: 'response HTML (not sent)', tracked: false, request: (s, u) => ({ url: `${u}/p`, init: {} }), respond: (s) => (res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(`<pre>${s}</pre>`); } },
  { name: 'response gzip body', tracked: true, request: (s, u) => ({ url: `${u}/p`, init: withKeyHeader(s) }), respond: (s) => (res) => { res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }); res.end(zlib.gzipSync(JSON.stringify({ echo: s }))); } },
  { name: 'response gzip body (not sent)', tracked: false, request: (s, u) => ({ url: `${u}/p`, init: {} }), respond: (s) => (res) => { res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }); res.end(zlib.gzipSync(`leak ${s}`)); } },
  { name: 'response binary body', tracked: true, request: (s, u) => ({ url: `${u}/p`, init: withKeyHeader(s) }), respond: (s) => (res) => { res.writeHead(200, { 'content-type': 'application/octet-stream' }); res.end(Buffer.concat([Buffer.from([0, 159, 146, 150]), Buffer.from(s), Buffer.from([0])])); } },
  { name: 'response header', tracked: true, request: (s, u) => ({ url: `${u}/p`, init: withKeyHeader(s) }), respond: (s) => (res) => { res.writeHead(200, { 'x-echo-key': s }); res.end('ok'); } },
  { name: 'response header (not sent)', tracked: false, request: (s, u) => ({ url: `${u}/p`, init: {} }), respond: (s) => (res) => { res.writeHead(200, { 'x-new-key': s }); res.end('ok'); } },
  { name: 'response set-cookie', tracked: false, request: (s, u) => ({ url: `${u}/p`, init: {} }), respond: (s) => (res) => { res.writeHead(200, { 'set-cookie': [`a=${s}; Path=/`, 'b=2'] }); res.end('ok'); } },
  {
    name: 'SSE event split across chunks',
    tracked: true,
    request: (s, u) => ({ url: `${u}/p`, init: withKeyHeader(s) }),
    respond: (s) => (res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const event = `event: echo\ndata: {"key":"${s}"}\n\n`;
      const cut = event.indexOf(s) + Math.floor(s.length / 2);
      res.write(event.slice(0, cut));
      setTimeout(() => res.end(`${event.slice(cut)}data: [DONE]\n\n`), 15);
    },
  },
  {
    name: 'SSE event split across chunks (not sent)',
    tracked: false,
    request: (s, u) => ({ url: `${u}/p`, init: {} }),
    respond: (s) => (res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const event = `data: {"new_key":"${s}"}\n\n`;
      const cut = event.indexOf(s) + 5;
      res.write(event.slice(0, cut));
      setTimeout(() => res.end(event.slice(cut)), 15);
    },
  },
  { name: 'SSE comment', tracked: true, request: (s, u) => ({ url: `${u}/p`, init: withKeyHeader(s) }), respond: (s) => (res) => { res.writeHead(200, { 'content-type': 'text/event-stream' }); res.end(`: debug ${s}\ndata: {}\n\n`); } },
  { name: 'NDJSON line', tracked: true, request: (s, u) => ({ url: `${u}/p`, init: withKeyHeader(s) }), respond: (s) => (res) => { res.writeHead(200, { 'content-type': 'application/x-ndjson' }); res.end(`{"a":1}\n{"key":"${s}"}\n`); } },
];

let server: EchoServer;
let next: Respond | undefined;
let tmp: ReturnType<typeof makeTmpDir>;
beforeAll(async () => {
  server = await startEchoServer((req, res) => {
    const respond = next ?? json({ ok: true });
    next = undefined;
    respond(res);
  });
  tmp = makeTmpDir();
});
afterAll(async () => {
  await server.close();
  tmp.cleanup();
});

function written(): string {
  return readdirSync(tmp.dir, { recursive: true })
    .map(String)
    .filter((n) => n.endsWith('.json'))
    .map((n) => readFileSync(path.join(tmp.dir, n), 'utf8'))
    .join('\n');
}

function forms(secret: string): string[] {
  const core = secret.replace(/^Bearer /, '');
  return [secret, core, encodeURIComponent(core), Buffer.from(core).toString('base64')];
}

describe('leak corpus', () => {
  it(`has at least 30 placements for each of the ${Object.keys(SECRET_SHAPES).length} documented shapes`, () => {
    expect(PLACEMENTS.length).toBeGreaterThanOrEqual(30);
    for (const shape of Object.keys(SECRET_SHAPES)) expect(Object.keys(CREDENTIALS)).toContain(shape);
  });

  it.each(Object.keys(CREDENTIALS))('%s: nothing survives in any written file; every blocked write names its location', async (kind) => {
    const cassette = createCassette(`corpus-${kind}`, { cassetteDir: tmp.dir, onUnusedInteractions: 'ignore' });
    const secrets: string[] = [];
    const outcomes: { placement: string; recorded: boolean; error?: SecretLeakError }[] = [];
    // A value with no known shape can only be caught by value tracking, so it only goes where
    // the request also carries it as a credential.
    const placements = kind === 'no-known-shape' ? PLACEMENTS.filter((p) => p.tracked) : PLACEMENTS;
    for (const placement of placements) {
      const secret = CREDENTIALS[kind]!();
      secrets.push(secret);
      const { url, init } = placement.request(secret, server.url);
      next = placement.respond?.(secret);
      try {
        const response = await cassette.fetch(url, init);
        await response.arrayBuffer();
        outcomes.push({ placement: placement.name, recorded: true });
      } catch (error) {
        expect(error, placement.name).toBeInstanceOf(SecretLeakError);
        outcomes.push({ placement: placement.name, recorded: false, error: error as SecretLeakError });
      }
    }
    await cassette.close().catch(() => undefined);

    const text = written();
    secrets.forEach((secret, i) => {
      for (const form of forms(secret)) expect(text.includes(form), `a ${kind} survived, placed in ${placements[i]!.name}`).toBe(false);
    });

    for (const o of outcomes.filter((x) => x.error)) {
      const error = o.error!;
      expect(error.message).toMatch(/interaction #\d+, (request|response)\.\S+/);
      expect(error.findings.length).toBeGreaterThan(0);
      for (const secret of secrets) expect(error.message.includes(secret.replace(/^Bearer /, "")), error.message).toBe(false);
    }
    // Value tracking: a credential the request carried in a credential header is scrubbed from
    // everywhere else, so those recordings succeed even when the value has no known shape.
    const trackedFailures = outcomes.filter((o, i) => placements[i]!.tracked && !o.recorded);
    expect(trackedFailures.map((o) => `${o.placement}: ${o.error?.message}`)).toEqual([]);
    if (kind === 'no-known-shape') expect(outcomes.filter((o) => o.recorded).length).toBeGreaterThan(20);
  });
});

describe('through real SDKs', () => {
  it('an OpenAI 401 that echoes the key and an Anthropic stream that echoes it across chunks are recorded scrubbed', async () => {
    const openaiKey = CREDENTIALS['openai-key']!();
    const anthropicKey = CREDENTIALS['anthropic-key']!();
    const cassette = createCassette('sdk-leaks', { cassetteDir: tmp.dir });
    next = json({ error: { message: `Incorrect API key provided: ${openaiKey}. You can find your API key at https://platform.openai.com/account/api-keys.`, type: 'invalid_request_error', code: 'invalid_api_key' } }, 401);
    const openai = new OpenAI({ apiKey: openaiKey, baseURL: `${server.url}/v1`, fetch: cassette.fetch, maxRetries: 0 });
    await expect(openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({ status: 401 });

    next = (res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const start = `event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"m","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":1,"output_tokens":1}}}\n\n`;
      const delta = `event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\nevent: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"your key is ${anthropicKey}"}}\n\n`;
      const cut = delta.indexOf(anthropicKey) + 10;
      res.write(start + delta.slice(0, cut));
      setTimeout(() => res.end(`${delta.slice(cut)}event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\nevent: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":5}}\n\nevent: message_stop\ndata: {"type":"message_stop"}\n\n`), 15);
    };
    const anthropic = new Anthropic({ apiKey: anthropicKey, baseURL: server.url, fetch: cassette.fetch, maxRetries: 0 });
    const message = await anthropic.messages.stream({ model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }).finalMessage();
    expect(message.content[0]).toMatchObject({ text: `your key is ${anthropicKey}` });
    await cassette.close();

    const file = readFileSync(cassette.path, 'utf8');
    expect(file).not.toContain(openaiKey);
    expect(file).not.toContain(anthropicKey);
    expect(file).toContain('Incorrect API key provided: REDACTED.');
    expect(file).toContain('your key is REDACTED');
  });
});

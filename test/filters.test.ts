import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCassette, InvalidOptionError, SecretLeakError, withCassette, type CassetteOptions, type StoredRequest } from '../src/index';
import { anthropicDriver, FAKE_KEYS, openaiDriver } from './support/drivers';
import { type EchoServer, startEchoServer } from './support/echoServer';
import { useFakeLlmServer, useTmpDir } from './support/hooks';

const server = useFakeLlmServer();
const tmp = useTmpDir();

const file = (name: string) => readFileSync(path.join(tmp.dir, `${name}.json`), 'utf8');

/** Records with `options`, then replays in replay mode with the same options and the server stopped. */
async function recordThenReplay(name: string, options: CassetteOptions, run: (fetch: typeof globalThis.fetch) => Promise<unknown>) {
  const live = await withCassette(name, { ...options, cassetteDir: tmp.dir, mode: 'record' }, run);
  await server.close();
  const replayed = await withCassette(name, { ...options, cassetteDir: tmp.dir, mode: 'replay' }, run);
  return { live, replayed, text: file(name) };
}

describe("the seed's filtering examples replay after recording with the filters on", () => {
  it('Protecting API Keys: filterRequestHeaders', async () => {
    const { live, replayed, text } = await recordThenReplay('llm_test', { filterRequestHeaders: ['authorization', 'x-api-key', 'cookie'] }, (fetch) =>
      anthropicDriver.ask(fetch, server, { prompt: 'Hello' }),
    );
    expect(replayed).toBe(live);
    expect(text).not.toContain(FAKE_KEYS.anthropic);
    expect(text).not.toMatch(/"x-api-key"/);
  });

  it('filterSensitiveData reaches the body, and a filtered recording still matches', async () => {
    const { live, replayed, text } = await recordThenReplay(
      'sensitive',
      { filterSensitiveData: [[/customer-\d+/g, 'customer-ID'], ['Elixir', 'LANGUAGE']] },
      (fetch) => openaiDriver.ask(fetch, server, { prompt: 'Explain Elixir to customer-12345' }),
    );
    // Filters apply to responses too: the replay serves the filtered text.
    expect(replayed).toBe((live as string).replaceAll('Elixir', 'LANGUAGE'));
    expect(text).not.toContain('customer-12345');
    expect(text).toContain('Explain LANGUAGE to customer-ID');
  });

  it('filterRequest normalises a timestamp at record and at replay; filterResponse and beforeRecord run at record', async () => {
    const normalise = (r: StoredRequest): StoredRequest => {
      const body = r.body_json as { messages?: { content: string }[] } | undefined;
      if (body?.messages) for (const m of body.messages) m.content = m.content.replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/, '<NOW>');
      return r;
    };
    const opts: CassetteOptions = {
      filterRequest: normalise,
      filterResponse: (res) => ({ ...res, headers: { ...res.headers, 'x-filtered': ['yes'] } }),
      beforeRecord: (i) => ({ ...i, note: 'reviewed' }),
    };
    const run = (fetch: typeof globalThis.fetch) => openaiDriver.ask(fetch, server, { prompt: `Hello at ${new Date().toISOString()}` });
    const live = await withCassette('normalised', { ...opts, cassetteDir: tmp.dir }, run);
    await new Promise((r) => setTimeout(r, 5));
    await server.close();
    expect(await withCassette('normalised', { ...opts, cassetteDir: tmp.dir, mode: 'replay' }, run)).toBe(live);
    const stored = JSON.parse(file('normalised')).interactions[0];
    expect(stored.request.body_json.messages[0].content).toBe('Hello at <NOW>');
    expect(stored.response.headers['x-filtered']).toEqual(['yes']);
    expect(stored.note).toBe('reviewed');
  });

  it('a filter that breaks the JSON body stores the filtered text, never the original', async () => {
    const echo: EchoServer = await startEchoServer((req, res) => res.end('ok'));
    try {
      const c = createCassette('broken_json', { cassetteDir: tmp.dir, filterSensitiveData: [[/"secret":"[^"]*"/g, 'SECRET REMOVED']] });
      await (await c.fetch(`${echo.url}/x`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ secret: 'hunter2-password', ok: 1 }) })).text();
      await c.close();
      const stored = JSON.parse(file('broken_json')).interactions[0];
      expect(stored.request).toMatchObject({ body_type: 'text', body: '{SECRET REMOVED,"ok":1}' });
      expect(file('broken_json')).not.toContain('hunter2-password');
    } finally {
      await echo.close();
    }
  });

  it('Combining Filters and Templates: the filter part (x-api-key sk-secret)', async () => {
    const { text } = await recordThenReplay('llm_secure_flexible', { filterRequestHeaders: ['authorization', 'x-api-key'] }, async (fetch) => {
      const response = await fetch(`${server.url}/v1/messages`, {
        method: 'POST',
        headers: { 'x-api-key': 'sk-secret', 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'claude-sonnet-4-20250514', max_tokens: 100, messages: [{ role: 'user', content: 'Write a haiku' }] }),
      });
      return ((await response.json()) as { content: { text: string }[] }).content[0]!.text;
    });
    expect(text).not.toContain('sk-secret');
  });
});

describe('the write guard', () => {
  it('blocks a credential shape the filters missed and names where it is; nothing is written', async () => {
    const echo = await startEchoServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ config: { github: `ghp_${'a'.repeat(36)}` } }));
    });
    try {
      const c = createCassette('guarded', { cassetteDir: tmp.dir });
      const error = await (await c.fetch(`${echo.url}/config`)).text().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SecretLeakError);
      expect((error as Error).message).toMatch(/github-token in interaction #1, response\.body_json\.config\.github: ghp_aaaa… \(40 chars\)/);
      await expect(c.close()).rejects.toBeInstanceOf(SecretLeakError);
      expect(() => readFileSync(c.path)).toThrow();
    } finally {
      await echo.close();
    }
  });

  it('secretScan adds shapes and allows known false positives', async () => {
    const echo = await startEchoServer((req, res) => res.end(req.url === '/a' ? 'internal ACME-KEY-1234567890' : 'docs example sk-proj-EXAMPLEexampleEXAMPLE000'));
    try {
      const c = createCassette('custom_scan', { cassetteDir: tmp.dir, secretScan: { patterns: { 'acme-key': /ACME-KEY-\d{10}/g }, allow: ['sk-proj-EXAMPLEexampleEXAMPLE000'] } });
      await expect((await c.fetch(`${echo.url}/a`)).text()).rejects.toThrow(/acme-key in interaction #1, response\.body/);
      expect(await (await c.fetch(`${echo.url}/b`)).text()).toContain('sk-proj-EXAMPLE');
      await c.close().catch(() => undefined);
      expect(file('custom_scan')).toContain('sk-proj-EXAMPLEexampleEXAMPLE000');
    } finally {
      await echo.close();
    }
  });
});

describe('built-ins are removed only by an explicit, named opt-out', () => {
  it('unsafelyKeep keeps exactly what it names', async () => {
    const echo = await startEchoServer((req, res) => {
      res.writeHead(200, { 'set-cookie': ['a=1', 'b=2'], 'content-type': 'text/plain' });
      res.end('ok');
    });
    try {
      const c = createCassette('kept', { cassetteDir: tmp.dir, unsafelyKeep: { responseHeaders: ['set-cookie'], queryParams: ['token'] } });
      await (await c.fetch(`${echo.url}/x?token=abc&key=def`, { headers: { cookie: 'c=3' } })).text();
      await c.close();
      const stored = JSON.parse(file('kept')).interactions[0];
      expect(stored.response.headers['set-cookie']).toEqual(['a=1', 'b=2']);
      expect(stored.request.query_string).toBe('token=abc&key=REDACTED');
      expect(stored.request.headers.cookie).toBeUndefined();

      const replay = createCassette('kept', { cassetteDir: tmp.dir, mode: 'replay', unsafelyKeep: { responseHeaders: ['set-cookie'], queryParams: ['token'] } });
      expect((await replay.fetch(`${echo.url}/x?token=abc&key=other`)).headers.getSetCookie()).toEqual(['a=1', 'b=2']);
      await replay.close();
    } finally {
      await echo.close();
    }
  });

  it('naming something that is not a built-in is an error', () => {
    expect(() => createCassette('x', { unsafelyKeep: { requestHeaders: ['x-custom'] } })).toThrow(InvalidOptionError);
    expect(() => createCassette('x', { unsafelyKeep: { requestHeaders: ['x-custom'] } })).toThrow(/'x-custom' is not a built-in redaction; built-ins are authorization/);
  });
});

describe('cassette scan', () => {
  const bin = path.resolve(__dirname, '..', 'dist', 'cli', 'main.js');
  const scan = (args: string[]) =>
    new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(process.execPath, [bin, 'scan', ...args], { encoding: 'utf8' }, (error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }));
    });

  it('finds each planted secret in a folder of cassettes and exits 1; exits 0 on a clean folder', async () => {
    const dirty = path.join(tmp.dir, 'dirty');
    const clean = path.join(tmp.dir, 'clean');
    mkdirSync(path.join(dirty, 'nested'), { recursive: true });
    mkdirSync(clean, { recursive: true });
    const interaction = (req: object, res: object) => ({ request: { method: 'GET', uri: 'https://x', query_string: '', headers: {}, body_type: 'text', body: '', ...req }, response: { status: 200, headers: {}, body_type: 'text', body: '', ...res }, recorded_at: 'x' });
    const planted = {
      'nested/a.json': [interaction({ headers: { authorization: [`Bearer ${FAKE_KEYS.openai}`] } }, {})],
      'b.json': [interaction({}, { body_type: 'json', body_json: { key: FAKE_KEYS.google } }), interaction({ query_string: `key=${FAKE_KEYS.google}` }, {})],
      'c.json': [interaction({}, { body_type: 'blob', body_blob: Buffer.from(`\u0000${FAKE_KEYS.anthropic}`).toString('base64') })],
    };
    for (const [name, interactions] of Object.entries(planted)) writeFileSync(path.join(dirty, name), JSON.stringify({ version: '2.0', interactions }));
    writeFileSync(path.join(dirty, 'notes.json'), `{\n  "aws": "AKIAABCDEFGHIJKLMNOP"\n}\n`);
    writeFileSync(path.join(clean, 'ok.json'), JSON.stringify({ version: '2.0', interactions: [interaction({ headers: { 'x-api-key': ['REDACTED'] } }, {})] }));

    const found = await scan([dirty]);
    expect(found.code).toBe(1);
    expect(found.stdout).toMatch(/nested\/a\.json: openai-key in interaction #1, request\.headers\.authorization\[0\]/);
    expect(found.stdout).toMatch(/b\.json: google-api-key in interaction #1, response\.body_json\.key/);
    expect(found.stdout).toMatch(/b\.json: google-api-key in interaction #2, request\.query_string/);
    expect(found.stdout).toMatch(/c\.json: anthropic-key in interaction #1, response\.body_blob \(decoded\)/);
    expect(found.stdout).toMatch(/notes\.json: aws-access-key-id in line 2/);
    expect(found.stdout).toMatch(/6 credentials found in 4 files/);
    for (const key of Object.values(FAKE_KEYS)) expect(found.stdout).not.toContain(key);

    const json = await scan([dirty, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ files: 4, findings: expect.arrayContaining([expect.objectContaining({ kind: 'aws-access-key-id', field: 'line 2' })]) });

    expect(await scan([clean])).toMatchObject({ code: 0, stdout: expect.stringMatching(/0 credentials found in 1 file/) });
    expect((await scan([path.join(tmp.dir, 'missing')])).code).toBe(2);
  });
});

describe('filterSensitiveData reaches every place', () => {
  it('URL path, query, header values, JSON keys and values, text, decoded binary and every stream event', async () => {
    const secret = 'ACME-4242-SECRET';
    const echo = await startEchoServer((req, res) => {
      if (req.url!.startsWith('/sse')) {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'x-echo': secret });
        const event = `event: e\ndata: {"v":"${secret}"}\n\n: note ${secret}\n\n`;
        res.write(event.slice(0, 24));
        setTimeout(() => res.end(event.slice(24)), 10);
      } else if (req.url!.startsWith('/bin')) {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(Buffer.concat([Buffer.from([0, 255]), Buffer.from(secret)]));
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ [secret]: 'as key', value: `text ${secret}` }));
      }
    });
    try {
      const opts: CassetteOptions = { cassetteDir: tmp.dir, filterSensitiveData: [[secret, 'FILTERED']] };
      const run = async (fetch: typeof globalThis.fetch) => [
        await (await fetch(`${echo.url}/p/${secret}?q=${secret}`, { method: 'POST', headers: { 'x-note': secret, 'content-type': 'application/json' }, body: JSON.stringify({ [secret]: secret }) })).text(),
        await (await fetch(`${echo.url}/t`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: `plain ${secret}` })).text(),
        await (await fetch(`${echo.url}/bin`)).arrayBuffer().then((b) => Buffer.from(b).toString('latin1')),
        await (await fetch(`${echo.url}/sse`)).text(),
      ];
      const live = await withCassette('everywhere', opts, run);
      expect(live.join()).toContain(secret);
      await echo.close();
      // The same request, filtered the same way, still matches; the replay serves filtered data.
      const replayed = await withCassette('everywhere', { ...opts, mode: 'replay' }, run);
      expect(replayed.join()).not.toContain(secret);
      const text = file('everywhere');
      expect(text).not.toContain(secret);
      expect(Buffer.from(JSON.parse(text).interactions[2].response.body_blob, 'base64').toString('latin1')).toContain('FILTERED');
      expect(text).toContain('"x-note": [\n            "FILTERED"');
      expect(text).toContain('/p/FILTERED');
      expect(text).toContain('q=FILTERED');
    } finally {
      await echo.close().catch(() => undefined);
    }
  });
});

describe('a hook that throws while recording', () => {
  it('fails the response body and is rethrown by close(); nothing is written', async () => {
    const echo = await startEchoServer((req, res) => res.end('ok'));
    try {
      const c = createCassette('hook_throws', {
        cassetteDir: tmp.dir,
        beforeRecord: () => {
          throw new Error('hook exploded');
        },
      });
      await expect((await c.fetch(`${echo.url}/x`)).text()).rejects.toThrow('hook exploded');
      await expect(c.close()).rejects.toThrow('hook exploded');
      expect(() => file('hook_throws')).toThrow();
    } finally {
      await echo.close();
    }
  });
});

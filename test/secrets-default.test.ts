import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { createCassette } from '../src/index';
import { anthropicDriver, FAKE_KEYS } from './support/drivers';
import { useFakeLlmServer, useTmpDir } from './support/hooks';

const server = useFakeLlmServer();
const tmp = useTmpDir();

function everythingWritten(): string {
  return readdirSync(tmp.dir, { recursive: true })
    .map((name) => path.join(tmp.dir, String(name)))
    .filter((file) => file.endsWith('.json'))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}

describe('credentials in request headers and URLs never reach the cassette, with no configuration', () => {
  it('covers every built-in header, the key query parameter and URL userinfo, and still replays', async () => {
    const secrets = {
      authorization: `Bearer ${FAKE_KEYS.openai}`,
      'proxy-authorization': 'Basic dXNlcjpwYXNzd29yZC1GQUtF',
      'x-api-key': FAKE_KEYS.anthropic,
      'api-key': 'azure-FAKE-0123456789abcdef',
      'x-goog-api-key': FAKE_KEYS.google,
      cookie: 'session=FAKE-session-cookie-value',
      'x-amz-security-token': 'FAKE-aws-session-token-value',
    };
    const run = async (mode: 'record' | 'replay') => {
      // A transport that accepts URL credentials (Node's fetch refuses them), so the request is recorded.
      const acceptsUserinfo: typeof globalThis.fetch = (input, init) => {
        const u = new URL(String(input));
        u.username = '';
        u.password = '';
        return globalThis.fetch(u, init);
      };
      const c = createCassette('all_headers', { cassetteDir: tmp.dir, mode, fetch: acceptsUserinfo });
      const url = `${server.url}/v1beta/models/gemini-2.5-flash:generateContent?key=${FAKE_KEYS.google}&alt=json`;
      const body = JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'Hello' }] }] });
      const response = await c.fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...secrets }, body });
      const json = (await response.json()) as { candidates: { content: { parts: { text: string }[] } }[] };
      const withUserinfo = new URL(`${server.url}/v1/chat/completions`);
      withUserinfo.username = 'proxyuser';
      withUserinfo.password = 'FAKE-userinfo-password';
      await (await c.fetch(withUserinfo, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'Hello' }] }) })).text();
      await c.close();
      return json.candidates[0]!.content.parts[0]!.text;
    };
    const live = await run('record');
    const hits = server.hits;
    expect(await run('replay')).toBe(live);
    expect(server.hits).toBe(hits);

    const written = everythingWritten();
    for (const value of [...Object.values(secrets), FAKE_KEYS.google, 'FAKE-userinfo-password', 'dXNlcjpwYXNzd29yZC1GQUtF']) {
      expect(written).not.toContain(value);
    }
    expect(written).toContain('key=REDACTED&alt=json');
  });

  it('through the OpenAI SDK with organization and project headers', async () => {
    const c = createCassette('openai_org', { cassetteDir: tmp.dir });
    const client = new OpenAI({ apiKey: FAKE_KEYS.openai, organization: 'org-FAKEorganization', project: 'proj_FAKEproject', baseURL: server.openaiBaseURL, fetch: c.fetch, maxRetries: 0 });
    await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }] });
    await anthropicDriver.ask(c.fetch, server, { prompt: 'Hello' });
    await c.close();
    const written = everythingWritten();
    for (const value of [FAKE_KEYS.openai, FAKE_KEYS.anthropic, 'org-FAKEorganization', 'proj_FAKEproject']) expect(written).not.toContain(value);
    expect(written).toMatch(/"openai-organization": \[\s*"REDACTED"\s*\]/);
  });

  it("the seed's filterRequestHeaders list adds to the built-ins", async () => {
    const c = createCassette('seed_filters', {
      cassetteDir: tmp.dir,
      mode: 'record',
      filterRequestHeaders: ['authorization', 'x-api-key', 'cookie', 'x-custom-secret'],
    });
    await c.fetch(`${server.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-custom-secret': 'FAKE-custom', 'x-goog-api-key': FAKE_KEYS.google, 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'Hello' }] }),
    });
    await c.close();
    const written = everythingWritten();
    expect(written).not.toContain('FAKE-custom');
    expect(written).not.toContain(FAKE_KEYS.google);
  });
});

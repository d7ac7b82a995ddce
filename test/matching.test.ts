import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCassette, NoMatchingInteractionError, type StoredRequest } from '../src/index';
import { useEchoServer, useTmpDir } from './support/hooks';

const server = useEchoServer();
const tmp = useTmpDir();

const post = (fetch: typeof globalThis.fetch, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then(
    (r) => r.json() as Promise<{ n: number }>,
  );

function interactions(path: string): unknown[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { interactions: unknown[] }).interactions;
}

describe("the seed's matching table", () => {
  it('different prompts record separate interactions; identical ones replay', async () => {
    const c = createCassette('table', { cassetteDir: tmp.dir });
    const hello50 = await post(c.fetch, '/v1/messages', { prompt: 'Hello', max_tokens: 50 });
    const bye50 = await post(c.fetch, '/v1/messages', { prompt: 'Goodbye', max_tokens: 50 });
    const hello100 = await post(c.fetch, '/v1/messages', { prompt: 'Hello', max_tokens: 100 });
    const again = await post(c.fetch, '/v1/messages', { prompt: 'Hello', max_tokens: 50 });
    await c.close();
    expect([hello50.n, bye50.n, hello100.n]).toEqual([1, 2, 3]);
    expect(again.n).toBe(1);
    expect(server.hits).toBe(3);
    expect(interactions(c.path)).toHaveLength(3);
    expect(c.stats()).toMatchObject({ recorded: 3, replayed: 1 });
  });

  it('JSON key order does not matter; values do', async () => {
    const c = createCassette('order', { cassetteDir: tmp.dir });
    const a = await post(c.fetch, '/x', { model: 'm', messages: [{ role: 'user', content: 'hi' }], max_tokens: 5 });
    const b = await post(c.fetch, '/x', { max_tokens: 5, messages: [{ content: 'hi', role: 'user' }], model: 'm' });
    const reordered = await post(c.fetch, '/x', { model: 'm', messages: [{ role: 'user', content: 'hi' }, { role: 'user', content: 'x' }], max_tokens: 5 });
    await c.close();
    expect(b.n).toBe(a.n);
    expect(reordered.n).not.toBe(a.n);
  });

  it('query order is ignored, repeated keys are kept', async () => {
    const c = createCassette('query', { cassetteDir: tmp.dir });
    const get = (q: string) => c.fetch(`${server.url}/search?${q}`).then((r) => r.json() as Promise<{ n: number }>);
    const first = await get('a=1&b=2&tag=x&tag=y');
    expect((await get('b=2&tag=x&a=1&tag=y')).n).toBe(first.n);
    expect((await get('a=1&b=2&tag=y')).n).not.toBe(first.n);
    await c.close();
  });

  it('method is case-insensitive and the URI includes scheme, host, port and path', async () => {
    const c = createCassette('uri', { cassetteDir: tmp.dir });
    const a = await c.fetch(`${server.url}/p`, { method: 'get' }).then((r) => r.json() as Promise<{ n: number }>);
    const b = await c.fetch(`${server.url}/p`, { method: 'GET' }).then((r) => r.json() as Promise<{ n: number }>);
    const other = await c.fetch(`${server.url}/q`).then((r) => r.json() as Promise<{ n: number }>);
    await c.close();
    expect(b.n).toBe(a.n);
    expect(other.n).not.toBe(a.n);
  });
});

describe('matchRequestsOn', () => {
  it('[method, uri] ignores the body', async () => {
    const c = createCassette('mu', { cassetteDir: tmp.dir, matchRequestsOn: ['method', 'uri'] });
    const a = await post(c.fetch, '/x', { p: 1 });
    const b = await post(c.fetch, '/x', { p: 2 });
    await c.close();
    expect(b.n).toBe(a.n);
  });

  it('headers are opt-in, case-insensitive, and SDK telemetry is ignored unless named', async () => {
    const opts = { cassetteDir: tmp.dir, matchRequestsOn: ['method', 'uri', 'headers'] as const };
    const c = createCassette('h', { ...opts, matchRequestsOn: [...opts.matchRequestsOn] });
    const a = await post(c.fetch, '/x', {}, { 'X-Tenant': 'a', 'user-agent': 'OpenAI/JS 6.1.0', 'x-stainless-retry-count': '0' });
    const sameTenant = await post(c.fetch, '/x', {}, { 'x-tenant': 'a', 'user-agent': 'OpenAI/JS 6.2.0', 'x-stainless-retry-count': '1' });
    const otherTenant = await post(c.fetch, '/x', {}, { 'x-tenant': 'b' });
    await c.close();
    expect(sameTenant.n).toBe(a.n);
    expect(otherTenant.n).not.toBe(a.n);

    const named = createCassette('h2', { cassetteDir: tmp.dir, matchRequestsOn: ['uri', { headers: ['user-agent'] }] });
    const v1 = await post(named.fetch, '/x', {}, { 'user-agent': 'sdk/1' });
    const v2 = await post(named.fetch, '/x', {}, { 'user-agent': 'sdk/2', 'x-tenant': 'c' });
    await named.close();
    expect(v2.n).not.toBe(v1.n);
  });

  it('custom functions are ANDed with the built-ins', async () => {
    const sameModel = (incoming: StoredRequest, recorded: StoredRequest) =>
      (incoming.body_json as { model?: string })?.model === (recorded.body_json as { model?: string })?.model;
    const c = createCassette('custom', { cassetteDir: tmp.dir, matchRequestsOn: ['method', 'uri', sameModel] });
    const a = await post(c.fetch, '/x', { model: 'a', prompt: 'one' });
    const b = await post(c.fetch, '/x', { model: 'a', prompt: 'two' });
    const other = await post(c.fetch, '/x', { model: 'b', prompt: 'one' });
    await c.close();
    expect(b.n).toBe(a.n);
    expect(other.n).not.toBe(a.n);

    const replay = createCassette('custom', { cassetteDir: tmp.dir, mode: 'replay', matchRequestsOn: ['method', 'uri', sameModel] });
    const miss = await post(replay.fetch, '/x', { model: 'c' }).catch((e: unknown) => e);
    expect(miss).toBeInstanceOf(NoMatchingInteractionError);
    expect((miss as Error).message).toMatch(/✗ custom\(sameModel\)/);
    await replay.close().catch(() => undefined);
  });
});

describe('first match and sequential', () => {
  it('identical requests recorded twice replay in recorded order, then the first repeats', async () => {
    // Recording with sequential: true stores both (polling); first-match replay prefers unused ones.
    const rec = createCassette('poll', { cassetteDir: tmp.dir, sequential: true });
    const live = [await post(rec.fetch, '/status', {}), await post(rec.fetch, '/status', {})];
    await rec.close();
    expect(live.map((r) => r.n)).toEqual([1, 2]);

    const replay = createCassette('poll', { cassetteDir: tmp.dir, mode: 'replay' });
    const got = [await post(replay.fetch, '/status', {}), await post(replay.fetch, '/status', {}), await post(replay.fetch, '/status', {})];
    await replay.close();
    expect(got.map((r) => r.n)).toEqual([1, 2, 1]);
  });

  it('sequential: the k-th request must match the k-th interaction', async () => {
    const rec = createCassette('seq', { cassetteDir: tmp.dir, sequential: true });
    await post(rec.fetch, '/a', {});
    await post(rec.fetch, '/b', {});
    await rec.close();

    const ok = createCassette('seq', { cassetteDir: tmp.dir, mode: 'replay', sequential: true });
    expect((await post(ok.fetch, '/a', {})).n).toBe(1);
    expect((await post(ok.fetch, '/b', {})).n).toBe(2);
    const past = await post(ok.fetch, '/b', {}).catch((e: unknown) => e);
    expect(past).toBeInstanceOf(NoMatchingInteractionError);
    expect((past as Error).message).toMatch(/All 2 recorded interactions were already used in order/);
    await ok.close().catch(() => undefined);

    const wrongOrder = createCassette('seq', { cassetteDir: tmp.dir, mode: 'replay', sequential: true });
    const error = await post(wrongOrder.fetch, '/b', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoMatchingInteractionError);
    expect((error as Error).message).toMatch(/expected interaction #1/);
    expect((error as Error).message).toMatch(/✗ uri/);
    await wrongOrder.close().catch(() => undefined);
  });
});

describe('lookup cost', () => {
  it('does not scan the cassette: a request is found among 10,000 interactions by its signature', async () => {
    const { InteractionIndex } = await import('../src/matching/InteractionIndex');
    const { resolveOptions } = await import('../src/options/resolveOptions');
    const matchers = resolveOptions({}).matchers;
    let calls = 0;
    const counting = { ...matchers, custom: [() => (calls++, true)] };
    const make = (i: number) => ({
      request: { method: 'POST', uri: 'https://api.example.com/v1', query_string: '', headers: {}, body_type: 'json' as const, body_json: { i } },
      response: { status: 200, headers: {}, body_type: 'text' as const, body: String(i) },
      recorded_at: 'x',
    });
    const index = new InteractionIndex(Array.from({ length: 10_000 }, (_, i) => make(i)), counting);
    const found = index.find(make(9_999).request);
    expect(found?.entry.position).toBe(9_999);
    // Only the one interaction with the same signature was offered to the custom matcher.
    expect(calls).toBe(1);
  });
});

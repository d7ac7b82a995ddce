import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCassette } from '../src/index';
import { type EchoServer, startEchoServer } from './support/echoServer';
import { makeTmpDir } from './support/tmpDir';

let server: EchoServer;
let tmp: ReturnType<typeof makeTmpDir>;
afterEach(async () => {
  await server?.close();
  tmp.cleanup();
});
beforeEach(() => {
  tmp = makeTmpDir();
});

/** Records `run` live, then runs it again in replay mode and returns both results. */
async function recordThenReplay<T>(name: string, run: (fetch: typeof globalThis.fetch) => Promise<T>) {
  const rec = createCassette(name, { cassetteDir: tmp.dir, mode: 'record' });
  const live = await run(rec.fetch);
  await rec.close();
  const hits = server.hits;
  const rep = createCassette(name, { cassetteDir: tmp.dir, mode: 'replay' });
  const replayed = await run(rep.fetch);
  await rep.close();
  expect(server.hits).toBe(hits);
  const file = JSON.parse(readFileSync(rec.path, 'utf8')) as { interactions: { request: Record<string, unknown>; response: Record<string, unknown> }[] };
  return { live, replayed, file };
}

describe('request inputs', () => {
  beforeEach(async () => {
    server = await startEchoServer();
  });

  it('accepts a string, a URL and a Request', async () => {
    const { live, replayed } = await recordThenReplay('inputs', async (fetch) => [
      await (await fetch(`${server.url}/a?x=1`)).json(),
      await (await fetch(new URL(`${server.url}/b`))).json(),
      await (await fetch(new Request(`${server.url}/c`, { method: 'PUT', body: 'hello' }))).json(),
    ]);
    expect(replayed).toEqual(live);
    expect((live as { body: string }[])[2]!.body).toBe('hello');
  });

  const bodies: [string, () => BodyInit, string][] = [
    ['string', () => 'plain text', 'plain text'],
    ['URLSearchParams', () => new URLSearchParams({ a: '1', b: 'two' }), 'a=1&b=two'],
    ['Blob', () => new Blob(['blob body']), 'blob body'],
    ['ArrayBuffer', () => new TextEncoder().encode('array buffer').buffer as ArrayBuffer, 'array buffer'],
    ['Uint8Array', () => new TextEncoder().encode('typed array'), 'typed array'],
    [
      'ReadableStream',
      () =>
        new ReadableStream({
          start(c) {
            c.enqueue(new TextEncoder().encode('streamed '));
            c.enqueue(new TextEncoder().encode('body'));
            c.close();
          },
        }),
      'streamed body',
    ],
  ];
  it.each(bodies)('sends and matches a %s body', async (_name, make, expected) => {
    const { live, replayed } = await recordThenReplay(`body-${_name}`, async (fetch) => {
      const init: RequestInit & { duplex?: string } = { method: 'POST', body: make(), duplex: 'half' };
      return (await fetch(`${server.url}/body`, init)).json() as Promise<{ body: string }>;
    });
    expect(live.body).toBe(expected);
    expect(replayed).toEqual(live);
  });

  it('a FormData body is sent whole and replays', async () => {
    const { live, file } = await recordThenReplay('form', async (fetch) => {
      const form = new FormData();
      form.set('field', 'value');
      return (await fetch(`${server.url}/form`, { method: 'POST', body: form })).json() as Promise<{ body: string }>;
    });
    expect(live.body).toContain('name="field"');
    expect(String(file.interactions[0]!.request.headers && (file.interactions[0]!.request.headers as Record<string, string[]>)['content-type'])).toMatch(/multipart\/form-data; boundary=/);
  });

  it('an aborted signal rejects with AbortError and records nothing', async () => {
    const c = createCassette('abort', { cassetteDir: tmp.dir });
    const controller = new AbortController();
    controller.abort();
    await expect(c.fetch(`${server.url}/x`, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    await c.close();
    expect(server.hits).toBe(0);
    expect(c.stats().recorded).toBe(0);
  });
});

describe('responses', () => {
  it('status, statusText, headers, url and body behave as the live ones', async () => {
    server = await startEchoServer((req, res) => {
      res.statusCode = 201;
      res.statusMessage = 'Created Thing';
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('x-custom', 'yes');
      res.setHeader('set-cookie', ['a=1; Path=/', 'b=2; Path=/']);
      res.end(JSON.stringify({ ok: true }));
    });
    const probe = async (fetch: typeof globalThis.fetch) => {
      const r = await fetch(`${server.url}/thing?q=1`);
      return { status: r.status, statusText: r.statusText, ok: r.ok, url: r.url, type: r.headers.get('content-type'), custom: r.headers.get('x-custom'), body: await r.json() };
    };
    const { live, replayed, file } = await recordThenReplay('resp', probe);
    expect(live).toMatchObject({ status: 201, statusText: 'Created Thing', url: `${server.url}/thing?q=1`, custom: 'yes' });
    expect(replayed).toEqual(live);
    // set-cookie is a built-in secret: removed before storing.
    expect(JSON.stringify(file)).not.toContain('a=1');
  });

  it('several values of one header survive', async () => {
    server = await startEchoServer((req, res) => {
      res.setHeader('x-multi', ['one', 'two']);
      res.setHeader('link', ['<a>; rel=next', '<b>; rel=prev']);
      res.end('ok');
    });
    const { replayed } = await recordThenReplay('multi', async (fetch) => {
      const r = await fetch(`${server.url}/`);
      return { multi: r.headers.get('x-multi'), link: r.headers.get('link') };
    });
    expect(replayed).toEqual({ multi: 'one, two', link: '<a>; rel=next, <b>; rel=prev' });
  });

  it('a 204 and a 404 replay with their status and no invented body', async () => {
    server = await startEchoServer((req, res) => {
      if (req.url === '/none') {
        res.statusCode = 204;
        res.end();
      } else {
        res.statusCode = 404;
        res.setHeader('content-type', 'application/json');
        res.end('{"error":{"message":"nope"}}');
      }
    });
    const { live, replayed } = await recordThenReplay('statuses', async (fetch) => {
      const a = await fetch(`${server.url}/none`);
      const b = await fetch(`${server.url}/missing`);
      return [a.status, a.body === null, b.status, await b.text()];
    });
    expect(live).toEqual([204, true, 404, '{"error":{"message":"nope"}}']);
    expect(replayed).toEqual(live);
  });

  it.each(['gzip', 'deflate', 'br'])('a %s response is stored decoded and replays decoded', async (encoding) => {
    const json = JSON.stringify({ message: 'compressed hello', items: [1, 2, 3] });
    const encoded = encoding === 'gzip' ? zlib.gzipSync(json) : encoding === 'deflate' ? zlib.deflateSync(json) : zlib.brotliCompressSync(json);
    server = await startEchoServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding, 'content-length': encoded.length });
      res.end(encoded);
    });
    const { live, replayed, file } = await recordThenReplay(`enc-${encoding}`, async (fetch) => {
      const r = await fetch(`${server.url}/`);
      return { body: await r.json(), encoding: r.headers.get('content-encoding') };
    });
    expect(live.body).toEqual(JSON.parse(json));
    expect(replayed.body).toEqual(live.body);
    expect(replayed.encoding).toBeNull();
    const response = file.interactions[0]!.response;
    expect(response.body_json).toEqual(JSON.parse(json));
    expect(Object.keys(response.headers as object)).not.toContain('content-encoding');
    expect(Object.keys(response.headers as object)).not.toContain('content-length');
  });

  it('a JSON body with integers beyond 2^53 is stored as text and replays byte for byte', async () => {
    const raw = '{"id":12345678901234567890,"ok":true}';
    server = await startEchoServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(raw);
    });
    const { replayed, file } = await recordThenReplay('bigint', async (fetch) => (await fetch(`${server.url}/`)).text());
    expect(replayed).toBe(raw);
    expect(file.interactions[0]!.response).toMatchObject({ body_type: 'text', body: raw });
  });

  it('a binary body is stored as base64 and replays byte for byte', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255, 254]);
    server = await startEchoServer((req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(bytes);
    });
    const { replayed, file } = await recordThenReplay('png', async (fetch) => Buffer.from(await (await fetch(`${server.url}/`)).arrayBuffer()));
    expect(replayed.equals(bytes)).toBe(true);
    expect(file.interactions[0]!.response).toMatchObject({ body_type: 'blob', body_blob: bytes.toString('base64') });
  });

  it('text and HTML bodies are stored as text', async () => {
    server = await startEchoServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<p>héllo</p>');
    });
    const { replayed, file } = await recordThenReplay('html', async (fetch) => (await fetch(`${server.url}/`)).text());
    expect(replayed).toBe('<p>héllo</p>');
    expect(file.interactions[0]!.response).toMatchObject({ body_type: 'text', body: '<p>héllo</p>' });
  });
});

describe('recording streams chunk by chunk', () => {
  it('the caller gets the first chunk before the server has finished', async () => {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    server = await startEchoServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first ');
      void released.then(() => res.end('last'));
    });
    const c = createCassette('chunks', { cassetteDir: tmp.dir });
    const response = await c.fetch(`${server.url}/`);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('first ');
    release();
    let rest = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value);
    }
    expect(rest).toBe('last');
    // Once the body has been read, the interaction is on disk.
    expect(readFileSync(c.path, 'utf8')).toContain('first last');
    await c.close();
  });
});

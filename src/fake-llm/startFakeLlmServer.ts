import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { anthropicMessages } from './anthropicMessages';
import { gemini } from './gemini';
import { openaiChat } from './openaiChat';
import { openaiResponses } from './openaiResponses';
import type { FakeReply } from './sse';

/** One request the fake server received. */
export interface FakeLlmRequest {
  method: string;
  /** Path and query, e.g. `/v1/chat/completions`. */
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** How streamed answers are written. Change it between requests; it applies to the next stream. */
export interface FakeStreamBehaviour {
  /** Milliseconds to wait before each event after the first. Default 0. */
  eventDelayMs?: number;
  /** After the first event, wait for this promise before sending the rest. */
  holdAfterFirstEvent?: Promise<void>;
  /** After this many events, send the provider's mid-stream error event and end. */
  failAfterEvents?: number;
  /** After this many events, destroy the connection (a cut stream). */
  cutAfterEvents?: number;
}

export interface FakeLlmServer {
  /** `http://127.0.0.1:<port>`: the Anthropic and Gemini base URL. */
  readonly url: string;
  /** `<url>/v1`: the OpenAI base URL (and the AI SDK's Anthropic base URL). */
  readonly openaiBaseURL: string;
  /** Requests served so far. */
  readonly hits: number;
  /** Every request received, in order. */
  readonly requests: readonly FakeLlmRequest[];
  /** Settings for streamed answers. */
  stream: FakeStreamBehaviour;
  /** Forgets the requests and sets the hit count to 0. */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeLlmServerOptions {
  /** Port to listen on; default 0 (any free port). Always bound to 127.0.0.1. */
  port?: number;
}

function route(method: string, url: URL, body: Record<string, unknown>, n: number): FakeReply {
  const path = url.pathname.replace(/\/+$/, '');
  if (method === 'POST' && /(^|\/)chat\/completions$/.test(path)) return openaiChat(body, n);
  if (method === 'POST' && /(^|\/)responses$/.test(path)) return openaiResponses(body, n);
  if (method === 'POST' && /(^|\/)v1\/messages$/.test(path)) return anthropicMessages(body, n);
  const g = /\/models\/([^/:]+):(generateContent|streamGenerateContent)$/.exec(path);
  if (method === 'POST' && g) {
    const stream = g[2] === 'streamGenerateContent';
    if (stream && url.searchParams.get('alt') !== 'sse') {
      return { kind: 'json', status: 400, headers: {}, body: { error: { code: 400, message: 'fake LLM server: streamGenerateContent needs alt=sse', status: 'INVALID_ARGUMENT' } } };
    }
    return gemini(body, decodeURIComponent(g[1]!), stream, n);
  }
  return { kind: 'json', status: 404, headers: {}, body: { error: { message: `fake LLM server: no route for ${method} ${url.pathname}`, type: 'not_found' } } };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function writeStream(res: http.ServerResponse, reply: Extract<FakeReply, { kind: 'stream' }>, behaviour: FakeStreamBehaviour): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', ...reply.headers });
  res.flushHeaders();
  for (let i = 0; i < reply.events.length; i++) {
    if (behaviour.cutAfterEvents !== undefined && i === behaviour.cutAfterEvents) {
      // Let what was written reach the client, then drop the connection without ending the body.
      await sleep(30);
      res.socket?.destroy();
      return;
    }
    if (behaviour.failAfterEvents !== undefined && i === behaviour.failAfterEvents) {
      res.end(reply.errorEvent);
      return;
    }
    if (i > 0 && behaviour.eventDelayMs) await sleep(behaviour.eventDelayMs);
    res.write(reply.events[i]);
    if (i === 0 && behaviour.holdAfterFirstEvent) await behaviour.holdAfterFirstEvent;
  }
  res.end();
}

/**
 * Starts a local HTTP server that answers like OpenAI (chat completions, responses), Anthropic
 * messages and Gemini generateContent / streamGenerateContent?alt=sse, in each provider's wire
 * format, streaming and tool calls included; deterministic and offline. For tests and the demo.
 */
export async function startFakeLlmServer(options: FakeLlmServerOptions = {}): Promise<FakeLlmServer> {
  const requests: FakeLlmRequest[] = [];
  const state = { stream: {} as FakeStreamBehaviour };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: text });
      let parsed: Record<string, unknown> = {};
      try {
        parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'fake LLM server: the body is not JSON', type: 'invalid_request_error' } }));
        return;
      }
      const reply = route(req.method ?? 'GET', new URL(req.url ?? '/', 'http://localhost'), parsed, requests.length);
      if (reply.kind === 'stream') {
        writeStream(res, reply, state.stream).catch(() => res.destroy());
        return;
      }
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.body));
    });
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openaiBaseURL: `${url}/v1`,
    get hits() {
      return requests.length;
    },
    requests,
    get stream() {
      return state.stream;
    },
    set stream(value: FakeStreamBehaviour) {
      state.stream = value;
    },
    reset() {
      requests.length = 0;
    },
    close() {
      return new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

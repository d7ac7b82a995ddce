import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { anthropicMessages, type FakeReply, geminiGenerate, notFound, openaiChat } from './providers';

/** One request the fake server received. */
export interface FakeLlmRequest {
  method: string;
  /** Path and query, e.g. `/v1/chat/completions`. */
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
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
  if (method === 'POST' && /(^|\/)v1\/messages$/.test(path)) return anthropicMessages(body, n);
  const gemini = /\/models\/([^/:]+):generateContent$/.exec(path);
  if (method === 'POST' && gemini) return geminiGenerate(body, decodeURIComponent(gemini[1]!), n);
  return notFound(method, url.pathname);
}

/**
 * Starts a local HTTP server that answers like OpenAI chat completions, Anthropic messages and
 * Gemini generateContent, deterministically and offline. For tests and the demo.
 */
export async function startFakeLlmServer(options: FakeLlmServerOptions = {}): Promise<FakeLlmServer> {
  const requests: FakeLlmRequest[] = [];
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

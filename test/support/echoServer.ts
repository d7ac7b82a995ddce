import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EchoRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export type EchoHandler = (req: EchoRequest, res: http.ServerResponse, n: number) => void;

export interface EchoServer {
  url: string;
  hits: number;
  requests: EchoRequest[];
  close(): Promise<void>;
}

/**
 * A local HTTP server on port 0. By default it answers every request with JSON describing it
 * and a counter `n`, so a replayed response is told apart from a live one.
 */
export async function startEchoServer(handler?: EchoHandler): Promise<EchoServer> {
  const state = { hits: 0, requests: [] as EchoRequest[] };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.hits++;
      const r: EchoRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks) };
      state.requests.push(r);
      if (handler) return handler(r, res, state.hits);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ n: state.hits, method: r.method, url: r.url, body: r.body.toString('utf8') }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get hits() {
      return state.hits;
    },
    requests: state.requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

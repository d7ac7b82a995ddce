import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BenchInteraction } from './workloads';

export interface Origin {
  url: string;
  hits: number;
  close(): Promise<void>;
}

/** The "real API" the tools record from: answers each interaction's request with its response. */
export async function startOrigin(interactions: BenchInteraction[]): Promise<Origin> {
  const byKey = new Map(interactions.map((i) => [`${i.path}\n${i.requestBody}`, i]));
  const state = { hits: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.hits++;
      const i = byKey.get(`${req.url}\n${Buffer.concat(chunks).toString('utf8')}`);
      if (!i) {
        res.writeHead(404).end('no such interaction');
        return;
      }
      res.writeHead(i.status, { 'content-type': i.contentType });
      res.end(i.responseBody);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get hits() {
      return state.hits;
    },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

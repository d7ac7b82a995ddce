import net from 'node:net';
import talkback from 'talkback';
import type { Adapter } from './types';
import { slug } from '../workloads';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** talkback: a recording proxy in front of the origin; tapes recorded, then recording disabled. */
export const talkbackProxy: Adapter = {
  name: 'talkback (proxy)',
  skip: (workload) =>
    workload.interactions.length > 1000 ? 'not run: recording 10,000 tapes through the proxy takes more than 10 minutes here' : undefined,
  async prepare(workload, origin, dir) {
    const common = { host: origin.url, path: `${dir}/talkback-${slug(workload.name)}`, silent: true, summary: false };
    const port = await freePort();
    const recorder = talkback({ ...common, port, record: talkback.Options.RecordMode.NEW });
    await recorder.start();
    for (const i of workload.interactions) {
      const r = await fetch(`http://127.0.0.1:${port}${i.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: i.requestBody });
      await r.arrayBuffer();
    }
    await recorder.close();
    const replayPort = await freePort();
    const replayer = talkback({ ...common, port: replayPort, record: talkback.Options.RecordMode.DISABLED });
    await replayer.start();
    return { fetch: (input, init) => globalThis.fetch(input, init), baseUrl: `http://127.0.0.1:${replayPort}`, close: async () => replayer.close() };
  },
};

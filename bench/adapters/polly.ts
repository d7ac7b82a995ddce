import FetchAdapter from '@pollyjs/adapter-fetch';
import { Polly } from '@pollyjs/core';
import FSPersister from '@pollyjs/persister-fs';
import type { Adapter } from './types';
import { slug } from '../workloads';

Polly.register(FetchAdapter);
Polly.register(FSPersister);

/** Polly.js: fetch adapter and fs persister; recorded from the origin, then `mode: 'replay'`. */
export const polly: Adapter = {
  name: 'Polly.js',
  async prepare(workload, origin, dir) {
    const config = {
      adapters: ['fetch'],
      adapterOptions: { fetch: { context: globalThis } },
      persister: 'fs',
      persisterOptions: { fs: { recordingsDir: dir } },
      matchRequestsBy: { headers: false, order: false },
      logLevel: 'silent',
    };
    const name = `polly-${slug(workload.name)}`;
    const recorder = new Polly(name, { ...config, mode: 'record' } as never);
    for (const i of workload.interactions) {
      const r = await fetch(`${origin.url}${i.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: i.requestBody });
      await r.arrayBuffer();
    }
    await recorder.stop();
    const replayer = new Polly(name, { ...config, mode: 'replay', recordIfMissing: false } as never);
    return { fetch: (input, init) => globalThis.fetch(input, init), close: () => replayer.stop() };
  },
};

import { writeFileSync } from 'node:fs';
import path from 'node:path';
// The built package, as users get it (`npm run bench` builds first).
import { createCassette } from 'fetch-cassette';
import { serializeCassette } from '../../src/cassette/serializeCassette';
import type { StoredInteraction } from '../../src/cassette/types';
import type { Adapter } from './types';
import { slug } from '../workloads';

/** fetch-cassette: recorded from the origin through `cassette.fetch`, then replayed (`mode: 'replay'`). */
export const fetchCassette: Adapter = {
  name: 'fetch-cassette',
  async prepare(workload, origin, dir) {
    const name = `bench-${slug(workload.name)}`;
    if (workload.interactions.length <= 100) {
      const rec = createCassette(name, { cassetteDir: dir, mode: 'rerecord' });
      for (const i of workload.interactions) {
        const r = await rec.fetch(`${origin.url}${i.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: i.requestBody });
        await r.arrayBuffer();
      }
      await rec.close();
    } else {
      // 10,000 recordings one by one would rewrite the file 10,000 times: write the same file directly.
      const interactions: StoredInteraction[] = workload.interactions.map((i) => ({
        request: { method: 'POST', uri: `${origin.url}${i.path}`, query_string: '', headers: { 'content-type': ['application/json'] }, body_type: 'json', body_json: JSON.parse(i.requestBody) },
        response: { status: i.status, status_text: 'OK', headers: { 'content-type': [i.contentType] }, body_type: 'json', body_json: JSON.parse(i.responseBody) },
        recorded_at: new Date().toISOString(),
      }));
      writeFileSync(path.join(dir, `${name}.json`), serializeCassette({ version: '2.0', interactions }));
    }
    const cassette = createCassette(name, { cassetteDir: dir, mode: 'replay', onUnusedInteractions: 'ignore' });
    return { fetch: cassette.fetch, close: () => cassette.close() };
  },
};

import nock from 'nock';
import type { Adapter } from './types';
import { slug } from '../workloads';

/** nock back: fixtures recorded in `record` mode from the origin, replayed in `lockdown` mode. */
export const nockBack: Adapter = {
  name: 'nock back',
  async prepare(workload, origin, dir) {
    if (!nock.isActive()) nock.activate();
    nock.back.fixtures = dir;
    const fixture = `nock-${slug(workload.name)}.json`;
    nock.back.setMode('record');
    const recording = await nock.back(fixture);
    for (const i of workload.interactions) {
      const r = await fetch(`${origin.url}${i.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: i.requestBody });
      await r.arrayBuffer();
    }
    recording.nockDone();
    nock.back.setMode('lockdown');
    // Fixtures are single-use by default; persist them so the same request replays many times.
    const replay = await nock.back(fixture, { after: (scope: nock.Scope) => scope.persist() });
    return {
      fetch: (input, init) => globalThis.fetch(input, init),
      close: async () => {
        replay.nockDone();
        nock.cleanAll();
        nock.restore();
        nock.back.setMode('dryrun');
      },
    };
  },
};

import type { Adapter } from './types';

/** The floor: a hand-written fetch stub that answers with a prebuilt response, no lookup at all. */
export const floor: Adapter = {
  name: 'floor (fetch stub)',
  async prepare(workload) {
    const target = workload.interactions[workload.target]!;
    const body = new TextEncoder().encode(target.responseBody);
    const init = { status: target.status, headers: { 'content-type': target.contentType } };
    return { fetch: async () => new Response(body, init), close: async () => {} };
  },
};

import { fetch as undiciFetch, MockAgent } from 'undici';
import type { Adapter } from './types';

/** undici MockAgent (a mock, not a recorder): one persistent intercept per interaction, matched on body. */
export const undiciMockAgent: Adapter = {
  name: 'undici MockAgent',
  async prepare(workload, origin) {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get(origin.url);
    for (const i of workload.interactions) {
      pool.intercept({ path: i.path, method: 'POST', body: i.requestBody }).reply(i.status, i.responseBody, { headers: { 'content-type': i.contentType } }).persist();
    }
    const fetch = ((input: string, init?: RequestInit) => undiciFetch(input, { ...(init as object), dispatcher: agent })) as unknown as typeof globalThis.fetch;
    return { fetch, close: () => agent.close() };
  },
};

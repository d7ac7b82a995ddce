import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { Adapter } from './types';

/** msw (`setupServer`): a handler returning the same body, looked up by request body in a Map. */
export const msw: Adapter = {
  name: 'msw',
  async prepare(workload, origin) {
    const byKey = new Map(workload.interactions.map((i) => [`${i.path}\n${i.requestBody}`, i]));
    const server = setupServer(
      http.post(`${origin.url}/*`, async ({ request }) => {
        const i = byKey.get(`${new URL(request.url).pathname}\n${await request.text()}`);
        if (!i) return new HttpResponse('not found', { status: 404 });
        return new HttpResponse(i.responseBody, { status: i.status, headers: { 'content-type': i.contentType } });
      }),
    );
    server.listen({ onUnhandledRequest: 'error' });
    return { fetch: (input, init) => globalThis.fetch(input, init), close: async () => server.close() };
  },
};

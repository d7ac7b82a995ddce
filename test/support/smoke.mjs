// A smoke test of the built package, in plain JavaScript, for any Node.js version:
// record and replay a streamed and a JSON LLM call, through `import` and `require`.
// Used by .ci/run with Node 24 (the supported range is Node >= 20) and by test/package.test.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createCassette } from 'fetch-cassette';
import { startFakeLlmServer } from 'fetch-cassette/fake-llm';

const require = createRequire(import.meta.url);
const cjs = require('fetch-cassette');
assert.equal(typeof cjs.createCassette, 'function');

const dir = mkdtempSync(path.join(os.tmpdir(), 'fetch-cassette-smoke-'));
const server = await startFakeLlmServer();
const call = async (fetch, stream) => {
  const response = await fetch(`${server.url}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'sk-ant-api03-SMOKEsmokeSMOKEsmokeSMOKE00' },
    body: JSON.stringify({ model: 'claude-sonnet-4-20250514', max_tokens: 50, stream, messages: [{ role: 'user', content: 'Explain recursion' }] }),
  });
  return response.text();
};
try {
  const rec = createCassette('smoke', { cassetteDir: dir, mode: 'record' });
  const live = [await call(rec.fetch, false), await call(rec.fetch, true)];
  await rec.close();
  const hits = server.hits;
  const rep = cjs.createCassette('smoke', { cassetteDir: dir, mode: 'replay' });
  const replayed = [await call(rep.fetch, false), await call(rep.fetch, true)];
  await rep.close();
  // JSON replays as the same value (keys sorted, as stored); a stream replays byte for byte.
  assert.deepEqual(JSON.parse(replayed[0]), JSON.parse(live[0]));
  assert.equal(replayed[1], live[1]);
  assert.equal(server.hits, hits);
  assert.equal(rep.stats().replayed, 2);
  console.log(`smoke ok on Node ${process.version}`);
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

import { createCassette } from './src/index';
import { writeFileSync, mkdirSync } from 'node:fs';
import { serializeCassette } from './src/cassette/serializeCassette';
const body = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Explain recursion in one sentence' }], max_tokens: 100 });
const respJson = {id: 'x', choices: [{message: {content: 'Recursion is when a function calls itself to solve a smaller instance of the same problem.'}}]};
mkdirSync('/tmp/prof', {recursive: true});
writeFileSync('/tmp/prof/p.json', serializeCassette({version: '2.0', interactions: [{request: {method: 'POST', uri: 'http://127.0.0.1:1234/v1/chat/completions', query_string: '', headers: {'content-type': ['application/json']}, body_type: 'json', body_json: JSON.parse(body)}, response: {status: 200, status_text: 'OK', headers: {'content-type': ['application/json']}, body_type: 'json', body_json: respJson}, recorded_at: 'x'}]}));
const c = createCassette('p', { cassetteDir: '/tmp/prof', mode: 'replay' });
const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
const bytes = new TextEncoder().encode(JSON.stringify(respJson));
async function time(name: string, fn: () => Promise<unknown>, n = 20000) {
  for (let i = 0; i < 3000; i++) await fn();
  const t = performance.now();
  for (let i = 0; i < n; i++) await fn();
  console.log(name, ((performance.now() - t) / n * 1000).toFixed(2), 'µs');
}
for (let k = 0; k < 1; k++) {
await time('floor', async () => { await (await (async () => new Response(bytes, { status: 200, headers: { 'content-type': 'application/json' } }))()).arrayBuffer(); });
await time('cassette', async () => { await (await c.fetch('http://127.0.0.1:1234/v1/chat/completions', init)).arrayBuffer(); });
}
for (let k = 0; k < 1; k++) {
await time('floor no read', async () => { new Response(bytes, { status: 200, headers: { 'content-type': 'application/json' } }); });
await time('cassette no read', async () => { await c.fetch('http://127.0.0.1:1234/v1/chat/completions', init); });
}

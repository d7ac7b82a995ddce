// One adapter, one workload, in a process of its own (the peers patch globals that would leak
// into each other). Prints the timing as JSON. argv: <adapter name> <workload index> <dir>
import { canonicalJson } from '../src/http/json';
import { ADAPTERS } from './adapters/index';
import { measure } from './measure';
import { startOrigin } from './originServer';
import { workloads } from './workloads';

const [adapterName, index, dir] = process.argv.slice(2) as [string, string, string];
const adapter = ADAPTERS.find((a) => a.name === adapterName)!;
const workload = workloads()[Number(index)]!;
const origin = await startOrigin(workload.interactions);
const target = workload.interactions[workload.target]!;
let out: object;
try {
  const prepared = await adapter.prepare(workload, origin, dir);
  const base = prepared.baseUrl ?? origin.url;
  const call = () => prepared.fetch(`${base}${target.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: target.requestBody });
  const check = await call();
  const text = await check.text();
  // Some tools re-serialise JSON (talkback pretty-prints it): compare JSON by value.
  const same = target.contentType.includes('json') ? canonicalJson(JSON.parse(text)) === canonicalJson(JSON.parse(target.responseBody)) : text === target.responseBody;
  if (check.status !== 200 || !same) throw new Error(`wrong replay: status ${check.status}, ${text.length} bytes`);
  const hits = origin.hits;
  const timing = await measure(async () => {
    await (await call()).arrayBuffer();
  }, workload);
  // A proxy forwards nothing in replay either; any origin hit means the tool did not replay.
  if (origin.hits !== hits) throw new Error('the origin was called during replay');
  await prepared.close();
  out = timing;
} catch (error) {
  out = { error: (error as Error).message.split('\n')[0] };
}
await origin.close();
process.stdout.write(JSON.stringify(out));
process.exit(0);

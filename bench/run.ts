// npm run bench: replay cost of fetch-cassette and its peers, measured side by side in one run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createCassette } from 'fetch-cassette';
import { ADAPTERS } from './adapters/index';
import { fetchCassette } from './adapters/fetchCassette';
import { floor } from './adapters/floor';
import type { Adapter } from './adapters/types';
import { formatMs, measure, type Timing } from './measure';
import { startOrigin } from './originServer';
import { slug, type Workload, workloads } from './workloads';

const here = path.dirname(fileURLToPath(import.meta.url));
const loader = pathToFileURL(path.resolve(here, '..', 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const only = process.env.BENCH_ONLY?.split(',');
const adapters: Adapter[] = ADAPTERS.filter((a) => !only || only.some((o) => a.name.includes(o)));
const dir = mkdtempSync(path.join(os.tmpdir(), 'fetch-cassette-bench-'));
const results = new Map<string, Map<string, Timing | string>>();

function runChild(adapter: Adapter, index: number): Timing | string {
  const skipped = adapter.skip?.(workloads()[index]!);
  if (skipped) return skipped;
  try {
    const out = execFileSync(process.execPath, ['--import', loader, path.join(here, 'child.ts'), adapter.name, String(index), dir], { encoding: 'utf8', timeout: 600_000, stdio: ['ignore', 'pipe', 'ignore'] });
    const parsed = JSON.parse(out) as Timing | { error: string };
    return 'error' in parsed ? `failed: ${parsed.error}` : parsed;
  } catch (error) {
    return `failed: ${(error as Error).message.split('\n')[0]}`;
  }
}


async function runWorkload(workload: Workload, index: number): Promise<void> {
  const row = new Map<string, Timing | string>();
  results.set(workload.name, row);
  for (const adapter of adapters) {
    const result = runChild(adapter, index);
    row.set(adapter.name, result);
    const text = typeof result === 'string' ? result : `median ${formatMs(result.median)}, p99 ${formatMs(result.p99)} (n=${result.n})`;
    process.stderr.write(`  ${workload.name} / ${adapter.name}: ${text}\n`);
  }
}

function table(): string {
  const names = adapters.map((a) => a.name);
  const lines = [`| workload | ${names.join(' | ')} |`, `|---|${names.map(() => '---').join('|')}|`];
  for (const [workload, row] of results) {
    const floorTiming = row.get(floor.name);
    const cells = names.map((n) => {
      const t = row.get(n);
      if (!t) return '–';
      if (typeof t === 'string') return t.replace(/\|/g, '/');
      const ratio = typeof floorTiming === 'object' ? ` (${(t.median / floorTiming.median).toFixed(2)}×)` : '';
      return `${formatMs(t.median)}${ratio}<br>p99 ${formatMs(t.p99)}`;
    });
    lines.push(`| ${workload} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function ratiosToPeers(): string {
  const lines = ['| workload | ' + adapters.filter((a) => a !== fetchCassette && a !== floor).map((a) => `${a.name} ÷ fetch-cassette`).join(' | ') + ' |'];
  lines.push(`|---|${adapters.filter((a) => a !== fetchCassette && a !== floor).map(() => '---').join('|')}|`);
  for (const [workload, row] of results) {
    const ours = row.get(fetchCassette.name);
    const cells = adapters
      .filter((a) => a !== fetchCassette && a !== floor)
      .map((a) => {
        const t = row.get(a.name);
        return typeof t === 'object' && typeof ours === 'object' ? `${(t.median / ours.median).toFixed(1)}×` : '–';
      });
    lines.push(`| ${workload} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

async function loadAndMemory(): Promise<string> {
  const [, , , , big] = workloads();
  const origin = await startOrigin([]);
  // Writes the 10,000-interaction cassette (the same file the lookup workload uses).
  const prepared = await fetchCassette.prepare(big!, origin, dir);
  await prepared.close();
  await origin.close();
  const runs = Array.from({ length: 5 }, () =>
    JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--import', loader, path.join(here, 'loadCassette.ts'), dir, `bench-${slug(big!.name)}`], { encoding: 'utf8' })) as { loadMs: number; heapMB: number; fileMB: number },
  ).sort((a, b) => a.loadMs - b.loadMs);
  const m = runs[2]!;
  return `- 10,000-interaction cassette: ${m.fileMB.toFixed(1)} MB file, loaded in ${m.loadMs.toFixed(1)} ms (median of 5 processes) = ${(m.loadMs / m.fileMB).toFixed(1)} ms per MB; heap retained after load ${m.heapMB.toFixed(1)} MB.`;
}

async function recordOverhead(): Promise<string> {
  const small = workloads()[0]!;
  const origin = await startOrigin(small.interactions);
  const i = small.interactions[0]!;
  const direct = await measure(async () => {
    const r = await fetch(`${origin.url}${i.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: i.requestBody });
    await r.arrayBuffer();
  }, { warmup: 100, iterations: 500 });
  let n = 0;
  const recorded = await measure(async () => {
    const c = createCassette(`record-${n++}`, { cassetteDir: path.join(dir, 'record'), mode: 'record' });
    const r = await c.fetch(`${origin.url}${i.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: i.requestBody });
    await r.arrayBuffer();
    await c.close();
  }, { warmup: 50, iterations: 500 });
  await origin.close();

  // Time to first event: a stream whose events are 20 ms apart.
  const http = await import('node:http');
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    let k = 0;
    const tick = () => {
      res.write(`data: {"k":${k}}\n\n`);
      if (++k < 5) setTimeout(tick, 20);
      else res.end();
    };
    req.resume();
    req.on('end', tick);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/stream`;
  const firstEvent = async (f: typeof globalThis.fetch) => {
    const started = performance.now();
    const r = await f(url, { method: 'POST', body: `{"n":${n++}}` });
    const reader = r.body!.getReader();
    await reader.read();
    const ttfe = performance.now() - started;
    while (!(await reader.read()).done);
    return ttfe;
  };
  const ttfeDirect: number[] = [];
  const ttfeRecord: number[] = [];
  const cassette = createCassette('ttfe', { cassetteDir: path.join(dir, 'record'), mode: 'record' });
  for (let k = 0; k < 30; k++) {
    ttfeDirect.push(await firstEvent(globalThis.fetch));
    ttfeRecord.push(await firstEvent(cassette.fetch));
  }
  await cassette.close();
  server.closeAllConnections();
  server.close();
  const med = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
  return [
    `- Live call to a local server: direct ${formatMs(direct.median)} (p99 ${formatMs(direct.p99)}); through a recording cassette (create, call, read, durable write, close) ${formatMs(recorded.median)} (p99 ${formatMs(recorded.p99)}): +${formatMs(recorded.median - direct.median)} = ${((recorded.median / direct.median - 1) * 100).toFixed(0)}% of a local call.`,
    `- Time to first event of a stream (events 20 ms apart): direct ${formatMs(med(ttfeDirect))}, while recording ${formatMs(med(ttfeRecord))} (median of 30).`,
  ].join('\n');
}

const started = Date.now();
for (const [i, w] of workloads().entries()) await runWorkload(w, i);
const lookup = results.get('lookup in 10,000 interactions')?.get(fetchCassette.name);
const lookupSmall = results.get('lookup in 10 interactions')?.get(fetchCassette.name);
const extra = [
  typeof lookup === 'object' && typeof lookupSmall === 'object'
    ? `- fetch-cassette lookup: 10,000 interactions ${formatMs(lookup.median)} vs 10 interactions ${formatMs(lookupSmall.median)}: ${(lookup.median / lookupSmall.median).toFixed(2)}×.`
    : '- fetch-cassette lookup: not measured',
  await loadAndMemory(),
  await recordOverhead(),
];
rmSync(dir, { recursive: true, force: true });
console.log(`\n## Replay cost per request (median, ratio to the floor; p99 below)\n\n${table()}\n\n## Each peer relative to fetch-cassette (median ÷ median)\n\n${ratiosToPeers()}\n\n## fetch-cassette alone\n\n${extra.join('\n')}\n\nMachine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${(os.totalmem() / 1e9).toFixed(0)} GB, Node ${process.version}, ${os.platform()} ${os.release()}. Run took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
process.exit(0);

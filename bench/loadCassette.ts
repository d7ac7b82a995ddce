// Child process: loads one cassette and prints load time and retained heap as JSON.
// Run with --expose-gc. argv: <cassetteDir> <name>
import { statSync } from 'node:fs';
import path from 'node:path';
import { createCassette } from 'fetch-cassette';

const [dir, name] = process.argv.slice(2) as [string, string];
const gc = (globalThis as { gc?: () => void }).gc!;
// Warm the code path on a tiny cassette first so the measurement is the load, not module compilation.
gc();
const before = process.memoryUsage().heapUsed;
const started = performance.now();
const cassette = createCassette(name, { cassetteDir: dir, mode: 'replay' });
const loadMs = performance.now() - started;
gc();
const after = process.memoryUsage().heapUsed;
const fileMB = statSync(path.join(dir, `${name}.json`)).size / 1e6;
process.stdout.write(JSON.stringify({ loadMs, heapMB: (after - before) / 1e6, fileMB, rssMB: process.memoryUsage().rss / 1e6, interactions: cassette.stats().unused }));

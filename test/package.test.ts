// The built package: importable with import and require, and the `cassette` binary.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const built = existsSync(path.join(root, 'dist', 'index.js'));

function node(args: string[], cwd = root): string {
  return execFileSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, CASSETTE_MODE: '', CI: '' } });
}

describe.skipIf(!built)('the built package (run `npm run build` first; `npm test` does)', () => {
  it('is importable with import', () => {
    const out = node(['--input-type=module', '-e', "import * as m from 'fetch-cassette'; import * as f from 'fetch-cassette/fake-llm'; console.log(typeof m.createCassette, typeof m.withCassette, typeof m.NoMatchingInteractionError, typeof f.startFakeLlmServer)"]);
    expect(out.trim()).toBe('function function function function');
  });

  it('fetch-cassette/global shares the error classes of fetch-cassette (one copy of the code)', () => {
    const script = "const m = require('fetch-cassette'); const g = require('fetch-cassette/global'); console.log(typeof g.withGlobalCassette, typeof g.installGlobalFetch)";
    expect(node(['-e', script]).trim()).toBe('function function');
    const esm = "import * as m from 'fetch-cassette'; import * as g from 'fetch-cassette/global'; const u = g.installGlobalFetch({ outside: 'error' }); try { await fetch('http://127.0.0.1:9/'); } catch (e) { console.log(e instanceof m.CassetteError); } u();";
    expect(node(['--input-type=module', '-e', esm]).trim()).toBe('true');
  });

  it('is importable with require', () => {
    const out = node(['-e', "const m = require('fetch-cassette'); const f = require('fetch-cassette/fake-llm'); const e = new m.CassetteError('x'); console.log(typeof m.createCassette, e instanceof Error, e.code, typeof f.startFakeLlmServer)"]);
    expect(out.trim()).toBe('function true ERR_CASSETTE function');
  });

  it('ships type declarations for both', () => {
    for (const file of ['index.d.ts', 'index.d.cts', 'fake-llm/index.d.ts']) expect(existsSync(path.join(root, 'dist', file))).toBe(true);
  });

  it('the plain-JavaScript smoke test (run by .ci/run on Node 24 too) passes', () => {
    expect(node([path.join(root, 'test', 'support', 'smoke.mjs')])).toMatch(/smoke ok on Node v\d+/);
  });

  it('cassette --version and --help', () => {
    const bin = path.join(root, 'dist', 'cli', 'main.js');
    expect(node([bin, '--version']).trim()).toBe(pkg.version);
    const help = node([bin, '--help']);
    expect(help).toMatch(/Usage: cassette/);
    expect(help).toMatch(/CASSETTE_MODE/);
  });
});

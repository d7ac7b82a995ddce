import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTmpDir } from './support/tmpDir';

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'dist', 'cli', 'main.js');
const cli = (args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });

let tmp: ReturnType<typeof makeTmpDir>;
beforeEach(() => {
  tmp = makeTmpDir();
  mkdirSync(path.join(tmp.dir, 'nested'));
  copyFileSync(path.join(root, 'test', 'fixtures', 'guide-cassette.json'), path.join(tmp.dir, 'guide.json'));
  copyFileSync(path.join(root, 'test', 'fixtures', 'reqcassette-2.0.json'), path.join(tmp.dir, 'nested', 'reqcassette.json'));
});
afterEach(() => tmp.cleanup());

describe('cassette ls', () => {
  it('lists each cassette with its counts, tokens and last recording', async () => {
    const { code, stdout } = await cli(['ls', tmp.dir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/guide\.json {2}1 interactions \(0 streamed, 0 templated\), 35 tokens, last recorded 2026-12-03T16:53:07\.622Z/);
    expect(stdout).toMatch(/nested\/reqcassette\.json {2}3 interactions/);
    const json = JSON.parse((await cli(['ls', '--json', tmp.dir])).stdout) as { file: string; interactions: number }[];
    expect(json.map((c) => c.interactions)).toEqual([1, 3]);
  });
});

describe('cassette verify', () => {
  it('exits 0 for valid cassettes and 1 naming the file, line and column of a broken one', async () => {
    expect(await cli(['verify', tmp.dir])).toMatchObject({ code: 0, stdout: expect.stringMatching(/2 valid cassettes/) });
    writeFileSync(path.join(tmp.dir, 'broken.json'), '{\n  "version": "2.0",\n  "interactions": [\n');
    const { code, stdout } = await cli(['verify', tmp.dir]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ cassette file is corrupt: .*broken\.json:4:1/);
    expect(stdout).toMatch(/1 of 3 files are not valid cassettes/);
    expect((await cli(['verify', path.join(tmp.dir, 'nope')])).code).toBe(2);
  });
});

describe('cassette show', () => {
  it('prints LLM calls as conversations, tool calls and streamed answers included', async () => {
    const { startFakeLlmServer } = await import('../src/fake-llm/index');
    const { withCassette } = await import('../src/index');
    const server = await startFakeLlmServer();
    try {
      await withCassette('conversation', { cassetteDir: tmp.dir }, async (fetch) => {
        const post = (url: string, body: object) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.text());
        const tools = [{ name: 'calculator', input_schema: { type: 'object', properties: { expression: { type: 'string' } } } }];
        await post(`${server.url}/v1/messages`, { max_tokens: 50, tools, messages: [{ role: 'user', content: 'What is 15 * 7?' }] });
        await post(`${server.openaiBaseURL}/chat/completions`, { stream: true, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Explain recursion' }] });
      });
    } finally {
      await server.close();
    }
    const { code, stdout } = await cli(['show', path.join(tmp.dir, 'conversation.json')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/#1 POST http:\/\/127\.0\.0\.1:\d+\/v1\/messages → 200, \d+ in \/ \d+ out tokens/);
    expect(stdout).toMatch(/ {2}user: What is 15 \* 7\?\n {2}→ assistant: \[tool call calculator \{"expression":"15 \* 7"\}\]/);
    expect(stdout).toMatch(/#2 POST .*chat\/completions → 200, \d+ events/);
    expect(stdout).toMatch(/ {2}system: Be brief\.\n {2}user: Explain recursion\n {2}→ assistant: Recursion is when a function calls itself/);
    expect((await cli(['show', path.join(tmp.dir, 'conversation.json'), '-i', '2'])).stdout).not.toMatch(/#1 /);
  });
});

describe('cassette stats', () => {
  it('sums tokens per model and prices one replay; unknown models and custom prices', async () => {
    writeFileSync(path.join(tmp.dir, 'not-a-cassette.json'), '{"hello": "world"}');
    const { code, stdout } = await cli(['stats', tmp.dir]);
    expect(code).toBe(0);
    // guide.json: 14 + 21 tokens; reqcassette.json: 14 + 21 tokens; claude-sonnet-4 at $3 / $15 per million.
    expect(stdout).toMatch(/claude-sonnet-4-20250514: 2 calls, 28 input \+ 42 output tokens, \$0\.0007/);
    const prices = path.join(tmp.dir, 'prices.txt');
    writeFileSync(prices, JSON.stringify({ 'claude-sonnet-4': { input: 1000, output: 0 } }));
    const json = JSON.parse((await cli(['stats', '--json', '--prices', prices, tmp.dir])).stdout) as { models: { model: string; cost: number }[]; totalCost: number };
    expect(json.models[0]).toMatchObject({ model: 'claude-sonnet-4-20250514', cost: 0.028 });
    expect(json.totalCost).toBeCloseTo(0.028);
  });
});

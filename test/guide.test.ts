// docs/llm-guide.md: every code block is a file of examples/ (or a fixture), and each one runs here.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cassetteMode } from '../examples/env-mode';
import { createCassette } from '../src/index';
import { runTs } from './support/runTs';
import { useFakeLlmServer, useTmpDir } from './support/hooks';

const root = path.resolve(__dirname, '..');
const example = (name: string) => path.join(root, 'examples', name);

const server = useFakeLlmServer();
const tmp = useTmpDir();

describe('docs/llm-guide.md', () => {
  it('takes every code block from a file', () => {
    const guide = readFileSync(path.join(root, 'docs', 'llm-guide.md'), 'utf8');
    const blocks = guide.match(/^```\w+$/gm) ?? [];
    const embedded = [...guide.matchAll(/```ts\n\/\/ file: (\S+)\n([\s\S]*?)```/g), ...guide.matchAll(/<!-- file: (\S+) -->\n```\w*\n([\s\S]*?)```/g)];
    expect(embedded.length).toBe(blocks.length);
    for (const [, file, body] of embedded) expect(readFileSync(path.join(root, file!), 'utf8'), file).toBe(body);
  });

  it('the file-format sample is a cassette that replays', async () => {
    const { copyFileSync } = await import('node:fs');
    copyFileSync(path.join(root, 'test', 'fixtures', 'guide-cassette.json'), path.join(tmp.dir, 'guide.json'));
    const c = createCassette('guide', { cassetteDir: tmp.dir, mode: 'replay', fetch: () => Promise.reject(new Error('network')) });
    const { default: Anthropic } = await import('@anthropic-ai/sdk');
    const client = new Anthropic({ apiKey: 'k', fetch: c.fetch, maxRetries: 0 });
    const message = await client.messages.create({ model: 'claude-sonnet-4-20250514', max_tokens: 100, messages: [{ role: 'user', content: 'Explain recursion in one sentence' }] });
    expect(message.id).toBe('msg_01GuideExample');
    await c.close();
  });
});

const anthropicEnv = () => ({ ANTHROPIC_BASE_URL: server.url, ANTHROPIC_API_KEY: 'sk-ant-api03-FAKEguideFAKEguideFAKEguide000000' });
// The AI SDK's Anthropic provider expects the base URL with /v1.
const aiSdkEnv = () => ({ ...anthropicEnv(), ANTHROPIC_BASE_URL: `${server.url}/v1` });

describe('examples', () => {
  it('in-tests.test.ts passes as a Vitest test, recording then replaying', async () => {
    const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
    const run = () =>
      new Promise<string>((resolve, reject) =>
        execFile(process.execPath, [vitest, 'run', '--root', root, '--config', path.join(root, 'vitest.examples.config.ts'), 'examples/in-tests.test.ts'], { cwd: tmp.dir, encoding: 'utf8', env: { ...process.env, ANTHROPIC_API_KEY: '', CASSETTE_MODE: '', CI: '' } }, (error, stdout, stderr) =>
          error ? reject(new Error(`${stdout}\n${stderr}`)) : resolve(stdout),
        ),
      );
    expect(await run()).toMatch(/1 passed/);
    const cassette = path.join(tmp.dir, 'test', 'fixtures', 'llm_cassettes', 'pipe_explanation.json');
    expect(JSON.parse(readFileSync(cassette, 'utf8')).interactions).toHaveLength(1);
  }, 60_000);

  it.each([[false], [true]])('agent-with-cassettes.ts (streaming: %s): the second run replays every call with the server stopped, same answers', async (streaming) => {
    const args = streaming ? ['--streaming'] : [];
    const run = () => runTs(example('agent-with-cassettes.ts'), { cwd: tmp.dir, env: aiSdkEnv(), args });
    const first = await run();
    const [answer1, answer2, stats1] = first.trim().split('\n');
    expect(answer1).toBe('The answer is 105.');
    expect(answer2).toMatch(/José Valim/);
    const recorded = (JSON.parse(stats1!) as { recorded: number }).recorded;
    expect(recorded).toBe(4); // two questions, each a tool call and a final answer
    expect(server.hits).toBe(4);
    await server.close();
    const second = await run();
    const lines = second.trim().split('\n');
    expect(lines.slice(0, 2)).toEqual([answer1, answer2]);
    expect(JSON.parse(lines[2]!)).toMatchObject({ replayed: 4, recorded: 0 });
  });

  it('matching.ts: recorded 3, replayed 1', async () => {
    expect(await runTs(example('matching.ts'), { cwd: tmp.dir, env: aiSdkEnv() })).toMatch(/recorded 3, replayed 1/);
    expect(server.hits).toBe(3);
  });

  it('protecting-keys.ts: no key in the cassette', async () => {
    expect(await runTs(example('protecting-keys.ts'), { cwd: tmp.dir, env: anthropicEnv() })).toMatch(/no key in the cassette/);
  });

  it('env-mode.ts: CI replays, RECORD records, otherwise replay', () => {
    expect(cassetteMode({ CI: 'true', RECORD: '1' })).toBe('replay');
    expect(cassetteMode({ RECORD: '1' })).toBe('record');
    expect(cassetteMode({})).toBe('replay');
  });
});

describe('fetch-cassette/vitest', () => {
  it('useCassette gives each test its own cassette named after it; a second run replays them all', async () => {
    const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
    const url = server.openaiBaseURL;
    const run = (mode: string) =>
      new Promise<string>((resolve, reject) =>
        execFile(process.execPath, [vitest, 'run', '--root', root, '--config', path.join(root, 'vitest.examples.config.ts'), 'examples/use-cassette.test.ts'], { cwd: tmp.dir, encoding: 'utf8', env: { ...process.env, OPENAI_BASE_URL: url, OPENAI_API_KEY: 'sk-test-not-a-real-key', CASSETTE_MODE: mode, CI: '' } }, (error, stdout, stderr) =>
          error ? reject(new Error(`${stdout}\n${stderr}`)) : resolve(stdout),
        ),
      );
    const recorded = await run('record');
    expect(recorded).toMatch(/2 passed/);
    expect(recorded).toMatch(/fetch-cassette: 2 test cassettes: 0 replayed, 2 recorded \(live calls\), 0 bypassed; 0 tokens replayed/);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(path.join(tmp.dir, 'test', 'cassettes', 'use-cassette')).sort()).toEqual(['chat answers Goodbye.json', 'chat answers Hello.json']);
    expect(server.hits).toBe(2);
    await server.close();
    const replayed = await run('replay');
    expect(replayed).toMatch(/2 passed/);
    expect(replayed).toMatch(/fetch-cassette: 2 test cassettes: 2 replayed, 0 recorded \(live calls\), 0 bypassed; \d+ tokens replayed/);
  }, 60_000);
});

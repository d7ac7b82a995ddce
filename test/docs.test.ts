// Code shown in the docs is taken from files that these tests run.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeLlmServer, startFakeLlmServer } from '../src/fake-llm/index';
import { runTs } from './support/runTs';
import { makeTmpDir } from './support/tmpDir';

const root = path.resolve(__dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/**
 * The files a markdown document embeds: a ```ts block whose first line is `// file: <path>`, or
 * any block right after `<!-- file: <path> -->`. Each must equal that file, byte for byte.
 */
function embeddedFiles(markdown: string): string[] {
  const out: string[] = [];
  const text = read(markdown);
  for (const match of text.matchAll(/```ts\n\/\/ file: (\S+)\n([\s\S]*?)```/g)) {
    expect(read(match[1]!), `${markdown} embeds ${match[1]}`).toBe(match[2]);
    out.push(match[1]!);
  }
  for (const match of text.matchAll(/<!-- file: (\S+) -->\n```\w*\n([\s\S]*?)```/g)) {
    expect(read(match[1]!), `${markdown} embeds ${match[1]}`).toBe(match[2]);
    out.push(match[1]!);
  }
  return out;
}


describe('README', () => {
  let server: FakeLlmServer;
  beforeAll(async () => {
    server = await startFakeLlmServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('shows the set-up commands and the demo', () => {
    const readme = read('README.md');
    expect(readme).toMatch(/npm install\n/);
    expect(readme).toMatch(/npm test\n/);
    expect(readme).toMatch(/npm run demo\n/);
    expect(read('.ci/run')).toMatch(/npm test/);
  });

  it('embeds examples/quick-start.ts verbatim, and it records then replays', async () => {
    expect(embeddedFiles('README.md')).toContain('examples/quick-start.ts');
    const tmp = makeTmpDir();
    try {
      const run = () =>
        runTs(path.join(root, 'examples', 'quick-start.ts'), {
          cwd: tmp.dir,
          env: { ANTHROPIC_BASE_URL: server.url, ANTHROPIC_API_KEY: 'sk-ant-test-fake' },
        });
      expect(await run()).toMatch(/calls itself[\s\S]*recorded: 1/);
      expect(await run()).toMatch(/calls itself[\s\S]*replayed: 1/);
      expect(server.hits).toBe(1);
      expect(existsSync(path.join(tmp.dir, 'test', 'cassettes', 'llm_example.json'))).toBe(true);
    } finally {
      tmp.cleanup();
    }
  });

  it('docs/templating.md embeds examples/templates.ts verbatim; it records once and replays with another id', async () => {
    expect(embeddedFiles('docs/templating.md')).toContain('examples/templates.ts');
    const tmp = makeTmpDir();
    const hits = server.hits;
    try {
      const out = await runTs(path.join(root, 'examples', 'templates.ts'), { cwd: tmp.dir, env: { ANTHROPIC_BASE_URL: server.url, ANTHROPIC_API_KEY: 'sk-ant-test-fake' } });
      expect(out).toMatch(/calls itself.*conv_abc123[\s\S]*calls itself.*conv_xyz789/);
      expect(server.hits).toBe(hits + 1);
    } finally {
      tmp.cleanup();
    }
  });

  it('embeds examples/use-cassette.test.ts verbatim (run by test/guide.test.ts)', () => {
    expect(embeddedFiles('README.md')).toContain('examples/use-cassette.test.ts');
  });

  it('embeds examples/global-gemini.ts verbatim; it records then replays @google/genai', async () => {
    expect(embeddedFiles('README.md')).toContain('examples/global-gemini.ts');
    const tmp = makeTmpDir();
    const hits = server.hits;
    try {
      const env = { GOOGLE_GEMINI_BASE_URL: server.url, GEMINI_API_KEY: 'AIzaFAKEfakeFAKEfakeFAKEfakeFAKEfake003', GOOGLE_API_KEY: '' };
      expect(await runTs(path.join(root, 'examples', 'global-gemini.ts'), { cwd: tmp.dir, env })).toMatch(/recorded: 1[\s\S]*calls itself/);
      expect(await runTs(path.join(root, 'examples', 'global-gemini.ts'), { cwd: tmp.dir, env })).toMatch(/replayed: 1[\s\S]*calls itself/);
      expect(server.hits).toBe(hits + 1);
    } finally {
      tmp.cleanup();
    }
  });

  it('embeds examples/with-cassette.ts verbatim, and it records then replays through the AI SDK', async () => {
    expect(embeddedFiles('README.md')).toContain('examples/with-cassette.ts');
    const tmp = makeTmpDir();
    const hits = server.hits;
    try {
      const run = (mode: string) =>
        runTs(path.join(root, 'examples', 'with-cassette.ts'), {
          cwd: tmp.dir,
          env: { ANTHROPIC_BASE_URL: `${server.url}/v1`, ANTHROPIC_API_KEY: 'sk-ant-test-fake', CASSETTE_MODE: mode },
        });
      expect(await run('record')).toMatch(/pipe operator/);
      expect(await run('replay')).toMatch(/pipe operator/);
      expect(server.hits).toBe(hits + 1);
      expect(existsSync(path.join(tmp.dir, 'test', 'fixtures', 'llm_cassettes', 'pipe_explanation.json'))).toBe(true);
    } finally {
      tmp.cleanup();
    }
  });
});

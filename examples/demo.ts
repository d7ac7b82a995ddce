// npm run demo: the seed's "Simple Example", recorded once and then replayed.
// Uses a local fake LLM server, or the real Anthropic API when ANTHROPIC_API_KEY is set.
import { rmSync } from 'node:fs';
import path from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import pc from 'picocolors';
import { createCassette } from '../src/index';
import { startFakeLlmServer } from '../src/fake-llm/index';

const realKey = process.env.ANTHROPIC_API_KEY || undefined;
const cassetteDir = process.env.DEMO_CASSETTE_DIR ?? '.demo-cassettes';
const server = realKey ? undefined : await startFakeLlmServer();

const model = 'claude-sonnet-4-20250514';
const prompt = 'Explain recursion in one sentence';
const cassetteOptions = {
  cassetteDir,
  mode: 'record' as const,
  filterRequestHeaders: ['authorization', 'x-api-key', 'cookie'],
};

console.log(pc.bold("fetch-cassette demo: the seed's Simple Example, recorded then replayed"));
if (server) {
  // With the local server the demo starts from an empty cassette, so it always shows a recording.
  rmSync(path.join(cassetteDir, 'llm_example.json'), { force: true });
  console.log(`  LLM:      local fake Anthropic server at ${server.url} (set ANTHROPIC_API_KEY for the real API)`);
} else {
  console.log('  LLM:      the real Anthropic API (a recorded cassette is replayed for free)');
}

async function generateText(label: string): Promise<string> {
  const cassette = createCassette('llm_example', cassetteOptions);
  const client = new Anthropic({ apiKey: realKey ?? 'sk-ant-demo-not-a-real-key', baseURL: server?.url, fetch: cassette.fetch });
  const started = performance.now();
  const message = await client.messages.create({ model, max_tokens: 100, messages: [{ role: 'user', content: prompt }] });
  const ms = performance.now() - started;
  await cassette.close();
  const { recorded, replayed } = cassette.stats();
  const what = recorded ? pc.yellow('recorded') : replayed ? pc.green('replayed') : 'bypassed';
  const text = message.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
  const hits = server ? `   server requests so far: ${server.hits}` : '';
  console.log(`  ${label}   ${what}  ${ms.toFixed(1).padStart(7)} ms   ${pc.dim(cassette.path)}${hits}`);
  return text;
}

console.log('');
const text1 = await generateText('call 1');
const text2 = await generateText('call 2');
console.log('');
console.log(`  response: ${JSON.stringify(text1)}`);
console.log(`  text1 === text2: ${text1 === text2 ? pc.green('true') : pc.red('false')}`);
if (server) {
  console.log(`  the local server received ${server.hits} request${server.hits === 1 ? '' : 's'} in all: the second call was replayed from the cassette.`);
  await server.close();
}

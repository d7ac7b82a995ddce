// The seed document's examples, in their TypeScript form (see docs and README).
import { readFileSync } from 'node:fs';
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { createCassette, type CassetteOptions, withCassette } from '../src/index';
import { aiSdkDriver, FAKE_KEYS } from './support/drivers';
import { useFakeLlmServer, useTmpDir } from './support/hooks';

const server = useFakeLlmServer();
const tmp = useTmpDir();

const interactionCount = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { interactions: unknown[] }).interactions.length;

describe('Basic Usage: Simple Example', () => {
  it('the first call records, the second replays the same text', async () => {
    const options: CassetteOptions = {
      cassetteDir: tmp.dir,
      mode: 'record',
      filterRequestHeaders: ['authorization', 'x-api-key', 'cookie'],
    };
    const generateText = async () => {
      const cassette = createCassette('llm_example', options);
      const client = new Anthropic({ apiKey: FAKE_KEYS.anthropic, baseURL: server.url, fetch: cassette.fetch });
      const response = await client.messages.create({
        model: 'claude-sonnet-4-20250514',
        max_tokens: 100,
        messages: [{ role: 'user', content: 'Explain recursion in one sentence' }],
      });
      await cassette.close();
      return response.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
    };
    const text1 = await generateText(); // First call - records to cassette
    const text2 = await generateText(); // Second call - replays from cassette (FREE!)
    expect(text1 === text2).toBe(true);
    expect(server.hits).toBe(1);
  });
});

describe('In Tests', () => {
  it('generates code explanation', async () => {
    const explanation = await withCassette(
      'pipe_explanation',
      { cassetteDir: `${tmp.dir}/llm_cassettes`, mode: 'record', filterRequestHeaders: ['authorization', 'x-api-key', 'cookie'] },
      (fetch) => aiSdkDriver.ask(fetch, server, { prompt: "Explain what Elixir's pipe operator does", maxTokens: 150 }),
    );
    expect(explanation).toMatch(/pipe/i);
    expect(explanation).toMatch(/\|>/);
  });
});

describe('Recording Multiple API Calls (Agents)', () => {
  /** A tiny agent that keeps the conversation history and calls the model once per prompt. */
  class MyAgent {
    private readonly history: Anthropic.MessageParam[] = [];
    private readonly client: Anthropic;
    constructor(fetch: typeof globalThis.fetch) {
      this.client = new Anthropic({ apiKey: FAKE_KEYS.anthropic, baseURL: server.url, fetch, maxRetries: 0 });
    }
    async prompt(text: string): Promise<string> {
      this.history.push({ role: 'user', content: text });
      const reply = await this.client.messages.create({ model: 'claude-sonnet-4-20250514', max_tokens: 100, messages: this.history });
      const answer = reply.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
      this.history.push({ role: 'assistant', content: answer });
      return answer;
    }
  }
  const conversation = async (fetch: typeof globalThis.fetch) => {
    const agent = new MyAgent(fetch);
    return [await agent.prompt('Hello'), await agent.prompt('How are you?'), await agent.prompt('Goodbye')];
  };

  it('all three interactions are saved, and a second run replays them with no network', async () => {
    const recorded = await withCassette('agent_conversation', { cassetteDir: tmp.dir }, conversation);
    expect(interactionCount(`${tmp.dir}/agent_conversation.json`)).toBe(3);
    expect(server.hits).toBe(3);
    await server.close();
    const replayed = await withCassette('agent_conversation', { cassetteDir: tmp.dir, mode: 'replay' }, conversation);
    expect(replayed).toEqual(recorded);
  });
});

describe('Best Practice: Environment Variables', () => {
  const modeFromEnv = (env: NodeJS.ProcessEnv): CassetteOptions['mode'] =>
    env.CI === 'true' ? 'replay' : env.RECORD ? 'record' : 'replay';

  it('records with RECORD set, replays otherwise, and CI always replays', async () => {
    const run = (env: NodeJS.ProcessEnv) =>
      withCassette('agent_test', { cassetteDir: tmp.dir, mode: modeFromEnv(env) }, (fetch) => aiSdkDriver.ask(fetch, server, { prompt: 'Hello' }));
    await expect(run({})).rejects.toMatchObject({ code: 'ERR_CASSETTE_NOT_FOUND' });
    const recorded = await run({ RECORD: '1' });
    expect(await run({})).toBe(recorded);
    expect(await run({ CI: 'true', RECORD: '1' })).toBe(recorded);
    expect(server.hits).toBe(1);
  });

  it('without any option, CI=true alone makes the default mode replay', async () => {
    const saved = process.env.CI;
    process.env.CI = 'true';
    try {
      const cassette = createCassette('ci_default', { cassetteDir: tmp.dir });
      expect(cassette.mode).toBe('replay');
    } finally {
      process.env.CI = saved;
    }
  });
});

describe('Cassette Matching, through the AI SDK', () => {
  it('different prompts and parameters record separately; identical requests replay', async () => {
    await withCassette('matching', { cassetteDir: tmp.dir }, async (fetch) => {
      await aiSdkDriver.ask(fetch, server, { prompt: 'Hello', maxTokens: 50 });
      await aiSdkDriver.ask(fetch, server, { prompt: 'Goodbye', maxTokens: 50 });
      await aiSdkDriver.ask(fetch, server, { prompt: 'Hello', maxTokens: 100 });
      await aiSdkDriver.ask(fetch, server, { prompt: 'Hello', maxTokens: 50 });
    });
    expect(server.hits).toBe(3);
    expect(interactionCount(`${tmp.dir}/matching.json`)).toBe(3);
  });
});

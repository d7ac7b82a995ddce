// Integrations: every client a user would hand `cassette.fetch` to, recorded then replayed with
// the server stopped; plus token accounting per provider.
import { createOpenAI } from '@ai-sdk/openai';
import { GoogleGenAI } from '@google/genai';
import { ChatOpenAI } from '@langchain/openai';
import { generateText, stepCountIs, streamText, tool } from 'ai';
import ky from 'ky';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withCassette } from '../src/index';
import { type FakeLlmServer } from '../src/fake-llm/index';
import { FAKE_KEYS } from './support/drivers';
import { useFakeLlmServer, useTmpDir } from './support/hooks';

const server = useFakeLlmServer();
const tmp = useTmpDir();

/** Runs `fn` recording, then replaying with the server stopped; both results must be equal. */
async function recordThenReplay<T>(name: string, fn: (fetch: typeof globalThis.fetch) => Promise<T>): Promise<{ live: T; hits: number; tokens: number }> {
  const live = await withCassette(name, { cassetteDir: tmp.dir }, fn);
  const hits = server.hits;
  await server.close();
  let tokens = 0;
  const replayed = await withCassette(name, { cassetteDir: tmp.dir, mode: 'replay' }, async (fetch, cassette) => {
    const out = await fn(fetch);
    tokens = cassette.stats().tokensReplayed.total;
    return out;
  });
  expect(replayed).toEqual(live);
  return { live, hits, tokens };
}

const calculator = tool({
  description: 'Evaluates arithmetic',
  inputSchema: z.object({ expression: z.string() }),
  execute: async ({ expression }) => String(Function(`return (${expression.replace(/[^-+*/ .0-9]/g, '')})`)()),
});

describe('integrations', () => {
  it('LangChain ChatOpenAI with configuration.fetch', async () => {
    const { live, hits, tokens } = await recordThenReplay('langchain', async (fetch) => {
      const chat = new ChatOpenAI({ model: 'gpt-4o-mini', apiKey: FAKE_KEYS.openai, maxRetries: 0, configuration: { baseURL: server.openaiBaseURL, fetch } });
      const reply = await chat.invoke('Explain recursion');
      return String(reply.content);
    });
    expect(live).toMatch(/calls itself/);
    expect(hits).toBe(1);
    expect(tokens).toBeGreaterThan(0);
  });

  it('LangChain streaming', async () => {
    const { live } = await recordThenReplay('langchain_stream', async (fetch) => {
      const chat = new ChatOpenAI({ model: 'gpt-4o-mini', apiKey: FAKE_KEYS.openai, maxRetries: 0, configuration: { baseURL: server.openaiBaseURL, fetch } });
      let text = '';
      for await (const chunk of await chat.stream('Explain recursion')) text += String(chunk.content);
      return text;
    });
    expect(live).toMatch(/calls itself/);
  });

  it('ky with its fetch option', async () => {
    const { live } = await recordThenReplay('ky', async (fetch) => {
      const api = ky.create({ prefixUrl: server.openaiBaseURL, fetch, retry: 0 });
      return api.post('chat/completions', { json: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }] } }).json<{ choices: { message: { content: string } }[] }>();
    });
    expect(live.choices[0]!.message.content).toMatch(/Hello/);
  });

  it('plain fetch', async () => {
    const { live } = await recordThenReplay('plain', async (fetch) => {
      const r = await fetch(`${server.url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': FAKE_KEYS.anthropic }, body: JSON.stringify({ model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'Hello' }] }) });
      return r.json();
    });
    expect(live).toMatchObject({ type: 'message' });
  });

  it('the AI SDK with @ai-sdk/openai: generateText with tools (chat and responses), streamText', async () => {
    const { live, hits, tokens } = await recordThenReplay('ai_openai', async (fetch) => {
      const openai = createOpenAI({ apiKey: FAKE_KEYS.openai, baseURL: server.openaiBaseURL, fetch });
      const chat = await generateText({ model: openai.chat('gpt-4o-mini'), prompt: 'What is 15 * 7?', tools: { calculator }, stopWhen: stepCountIs(3), maxRetries: 0 });
      const responses = await generateText({ model: openai('gpt-4.1-mini'), prompt: 'What is 6 * 7?', tools: { calculator }, stopWhen: stepCountIs(3), maxRetries: 0 });
      const streamed = streamText({ model: openai('gpt-4.1-mini'), prompt: 'Write a haiku', maxRetries: 0 });
      return { chat: chat.text, responses: responses.text, streamed: await streamed.text, steps: chat.steps.length + responses.steps.length };
    });
    expect(live).toMatchObject({ chat: 'The answer is 105.', responses: 'The answer is 42.', steps: 4 });
    expect(live.streamed).toMatch(/cassettes keep the past/);
    expect(hits).toBe(5);
    expect(tokens).toBeGreaterThan(0);
  });

  it('@google/genai through its base URL (it calls the global fetch, set around the call)', async () => {
    const { live, tokens } = await recordThenReplay('genai', async (fetch) => {
      const ai = new GoogleGenAI({ apiKey: FAKE_KEYS.google, httpOptions: { baseUrl: server.url } });
      const original = globalThis.fetch;
      globalThis.fetch = fetch;
      try {
        const response = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Explain recursion' });
        return response.text;
      } finally {
        globalThis.fetch = original;
      }
    });
    expect(live).toMatch(/calls itself/);
    expect(tokens).toBeGreaterThan(0);
  });
});

describe('token accounting', () => {
  const post = (fetch: typeof globalThis.fetch, url: string, body: object) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.text());
  const cases: [string, (s: FakeLlmServer) => [string, object]][] = [
    ['OpenAI chat', (s) => [`${s.openaiBaseURL}/chat/completions`, { messages: [{ role: 'user', content: 'Explain recursion' }] }]],
    ['OpenAI chat stream (include_usage)', (s) => [`${s.openaiBaseURL}/chat/completions`, { stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Explain recursion' }] }]],
    ['OpenAI responses', (s) => [`${s.openaiBaseURL}/responses`, { input: 'Explain recursion' }]],
    ['OpenAI responses stream', (s) => [`${s.openaiBaseURL}/responses`, { stream: true, input: 'Explain recursion' }]],
    ['Anthropic messages', (s) => [`${s.url}/v1/messages`, { max_tokens: 50, messages: [{ role: 'user', content: 'Explain recursion' }] }]],
    ['Anthropic stream', (s) => [`${s.url}/v1/messages`, { stream: true, max_tokens: 50, messages: [{ role: 'user', content: 'Explain recursion' }] }]],
    ['Gemini', (s) => [`${s.url}/v1beta/models/gemini-2.5-flash:generateContent`, { contents: [{ role: 'user', parts: [{ text: 'Explain recursion' }] }] }]],
    ['Gemini stream', (s) => [`${s.url}/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse`, { contents: [{ role: 'user', parts: [{ text: 'Explain recursion' }] }] }]],
  ];
  it.each(cases)('%s: the replayed tokens are the response’s usage', async (_name, make) => {
    const [url, body] = make(server);
    await withCassette('usage', { cassetteDir: tmp.dir }, (fetch) => post(fetch, url, body));
    const stats = await withCassette('usage', { cassetteDir: tmp.dir, mode: 'replay' }, async (fetch, cassette) => {
      await post(fetch, url, body);
      return cassette.stats().tokensReplayed;
    });
    // The fake server counts about a token per 4 characters: 'Explain recursion' is 5 tokens in,
    // the canned answer 23 tokens out.
    expect(stats).toEqual({ input: 5, output: 23, total: 28 });
  });
});

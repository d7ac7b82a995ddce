import Anthropic from '@anthropic-ai/sdk';
import { createAnthropic } from '@ai-sdk/anthropic';
import { generateText } from 'ai';
import OpenAI from 'openai';
import type { FakeLlmServer } from '../../src/fake-llm/index';

/** Fake credentials in the shape of real ones: they must never reach a cassette. */
export const FAKE_KEYS = {
  openai: 'sk-proj-FAKEfakeFAKEfakeFAKEfakeFAKE0001',
  anthropic: 'sk-ant-api03-FAKEfakeFAKEfakeFAKEfakeFAKE0002',
  google: 'AIzaFAKEfakeFAKEfakeFAKEfakeFAKEfake003',
};

export interface AskOptions {
  prompt: string;
  maxTokens?: number;
}

/** One way of asking an LLM a question through a real SDK, given the `fetch` to use. */
export interface Driver {
  name: string;
  ask(fetch: typeof globalThis.fetch, server: FakeLlmServer, options: AskOptions): Promise<string>;
}

export const openaiDriver: Driver = {
  name: 'openai',
  async ask(fetch, server, { prompt, maxTokens = 100 }) {
    const client = new OpenAI({ apiKey: FAKE_KEYS.openai, baseURL: server.openaiBaseURL, fetch, maxRetries: 0 });
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      max_tokens: maxTokens,
      messages: [{ role: 'user', content: prompt }],
    });
    return completion.choices[0]?.message.content ?? '';
  },
};

export const anthropicDriver: Driver = {
  name: '@anthropic-ai/sdk',
  async ask(fetch, server, { prompt, maxTokens = 100 }) {
    const client = new Anthropic({ apiKey: FAKE_KEYS.anthropic, baseURL: server.url, fetch, maxRetries: 0 });
    const message = await client.messages.create({
      model: 'claude-sonnet-4-20250514',
      max_tokens: maxTokens,
      messages: [{ role: 'user', content: prompt }],
    });
    return message.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
  },
};

export const aiSdkDriver: Driver = {
  name: 'ai + @ai-sdk/anthropic',
  async ask(fetch, server, { prompt, maxTokens = 100 }) {
    const anthropic = createAnthropic({ apiKey: FAKE_KEYS.anthropic, baseURL: `${server.url}/v1`, fetch });
    const { text } = await generateText({
      model: anthropic('claude-sonnet-4-20250514'),
      prompt,
      maxOutputTokens: maxTokens,
      maxRetries: 0,
    });
    return text;
  },
};

export const drivers: Driver[] = [openaiDriver, anthropicDriver, aiSdkDriver];

/** A fetch that counts the live calls made through it. */
export function countingFetch(): { fetch: typeof globalThis.fetch; calls: () => number } {
  let calls = 0;
  return {
    fetch: (input, init) => {
      calls++;
      return globalThis.fetch(input, init);
    },
    calls: () => calls,
  };
}

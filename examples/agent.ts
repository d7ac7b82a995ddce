import { createAnthropic } from '@ai-sdk/anthropic';
import { generateText, type ModelMessage, stepCountIs, streamText, tool } from 'ai';
import { z } from 'zod';

/** The tools the agent can call: a calculator and a (canned, offline) web search. */
const tools = {
  calculator: tool({
    description: 'Evaluates an arithmetic expression such as "15 * 7"',
    inputSchema: z.object({ expression: z.string() }),
    execute: async ({ expression }) => {
      const match = /^\s*(-?\d+(?:\.\d+)?)\s*([-+*/])\s*(-?\d+(?:\.\d+)?)\s*$/.exec(expression);
      if (!match) return 'error: unsupported expression';
      const [a, op, b] = [Number(match[1]), match[2], Number(match[3])];
      return String(op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a / b);
    },
  }),
  web_search: tool({
    description: 'Searches the web and returns the top result',
    inputSchema: z.object({ query: z.string() }),
    execute: async ({ query }) => `Top result for "${query}": Elixir was created by José Valim in 2012`,
  }),
};

/**
 * An agent with tool calling and conversation history, as the seed's `MyAgentWithCassettes`
 * (non-streaming) and `MyAgent` (streaming). Give it a cassette's `fetch` to record and replay.
 */
export class Agent {
  private readonly history: ModelMessage[] = [];
  private readonly model;
  private readonly streaming: boolean;

  constructor(options: { fetch: typeof globalThis.fetch; streaming?: boolean }) {
    this.model = createAnthropic({ fetch: options.fetch })('claude-sonnet-4-20250514');
    this.streaming = options.streaming ?? false;
  }

  /** Asks one question; tools are called as the model asks, over several steps. */
  async prompt(text: string): Promise<string> {
    this.history.push({ role: 'user', content: text });
    const settings = { model: this.model, messages: this.history, tools, stopWhen: stepCountIs(5), maxRetries: 0 };
    if (this.streaming) {
      const result = streamText(settings);
      let answer = '';
      for await (const delta of result.textStream) answer += delta;
      this.history.push(...(await result.response).messages);
      return answer;
    }
    const result = await generateText(settings);
    this.history.push(...result.response.messages);
    return result.text;
  }
}

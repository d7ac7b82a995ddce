import Anthropic from '@anthropic-ai/sdk';
import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { GoogleGenAI } from '@google/genai';
import { streamText, tool } from 'ai';
import OpenAI from 'openai';
import { z } from 'zod';
import type { FakeLlmServer } from '../../src/fake-llm/index';
import { FAKE_KEYS } from './drivers';

/** What a streaming call produced, for comparing live and replayed runs. */
export interface StreamResult {
  text: string;
  toolCalls: unknown[];
  usage: unknown;
  /** The event types (or chunk shapes) in order. */
  sequence: string[];
}

export interface StreamDriver {
  name: string;
  run(fetch: typeof globalThis.fetch, server: FakeLlmServer): Promise<StreamResult>;
}

const calculator = {
  name: 'calculator',
  description: 'Evaluates an arithmetic expression',
  parameters: { type: 'object', properties: { expression: { type: 'string' } }, required: ['expression'] },
};

export const streamDrivers: StreamDriver[] = [
  {
    name: 'openai chat.completions.create({ stream: true })',
    async run(fetch, server) {
      const client = new OpenAI({ apiKey: FAKE_KEYS.openai, baseURL: server.openaiBaseURL, fetch, maxRetries: 0 });
      const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Explain recursion' }] });
      const out: StreamResult = { text: '', toolCalls: [], usage: undefined, sequence: [] };
      for await (const chunk of stream) {
        out.sequence.push(chunk.choices[0]?.finish_reason ?? (chunk.choices.length ? 'delta' : 'usage'));
        out.text += chunk.choices[0]?.delta.content ?? '';
        if (chunk.usage) out.usage = chunk.usage;
      }
      return out;
    },
  },
  {
    name: 'openai chat.completions.stream() with a tool call',
    async run(fetch, server) {
      const client = new OpenAI({ apiKey: FAKE_KEYS.openai, baseURL: server.openaiBaseURL, fetch, maxRetries: 0 });
      const stream = client.chat.completions.stream({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'What is 15 * 7?' }],
        tools: [{ type: 'function', function: calculator }],
        stream_options: { include_usage: true },
      });
      const sequence: string[] = [];
      stream.on('chunk', (chunk) => sequence.push(chunk.choices[0]?.finish_reason ?? (chunk.choices.length ? 'delta' : 'usage')));
      const final = await stream.finalChatCompletion();
      const message = final.choices[0]!.message;
      return { text: message.content ?? '', toolCalls: message.tool_calls ?? [], usage: final.usage, sequence };
    },
  },
  {
    name: 'openai responses.stream()',
    async run(fetch, server) {
      const client = new OpenAI({ apiKey: FAKE_KEYS.openai, baseURL: server.openaiBaseURL, fetch, maxRetries: 0 });
      const stream = client.responses.stream({ model: 'gpt-4.1-mini', input: 'Write a haiku' });
      const sequence: string[] = [];
      for await (const event of stream) sequence.push(event.type);
      const final = await stream.finalResponse();
      return { text: final.output_text, toolCalls: [], usage: final.usage, sequence };
    },
  },
  {
    name: 'anthropic messages.stream() with a tool call',
    async run(fetch, server) {
      const client = new Anthropic({ apiKey: FAKE_KEYS.anthropic, baseURL: server.url, fetch, maxRetries: 0 });
      const stream = client.messages.stream({
        model: 'claude-sonnet-4-20250514',
        max_tokens: 200,
        messages: [{ role: 'user', content: 'What is 15 * 7?' }],
        tools: [{ name: calculator.name, description: calculator.description, input_schema: calculator.parameters as Anthropic.Tool.InputSchema }],
      });
      const sequence: string[] = [];
      stream.on('streamEvent', (event) => sequence.push(event.type));
      const final = await stream.finalMessage();
      return {
        text: final.content.map((b) => (b.type === 'text' ? b.text : '')).join(''),
        toolCalls: final.content.filter((b) => b.type === 'tool_use'),
        usage: final.usage,
        sequence,
      };
    },
  },
  {
    name: 'ai streamText with @ai-sdk/anthropic',
    async run(fetch, server) {
      const anthropic = createAnthropic({ apiKey: FAKE_KEYS.anthropic, baseURL: `${server.url}/v1`, fetch });
      const result = streamText({ model: anthropic('claude-sonnet-4-20250514'), prompt: 'Explain recursion', maxRetries: 0 });
      const sequence: string[] = [];
      for await (const part of result.fullStream) sequence.push(part.type);
      return { text: await result.text, toolCalls: [], usage: await result.usage, sequence };
    },
  },
  {
    name: 'ai streamText with @ai-sdk/openai chat and a tool',
    async run(fetch, server) {
      const openai = createOpenAI({ apiKey: FAKE_KEYS.openai, baseURL: server.openaiBaseURL, fetch });
      const result = streamText({
        model: openai.chat('gpt-4o-mini'),
        prompt: 'What is 15 * 7?',
        tools: { calculator: tool({ description: calculator.description, inputSchema: z.object({ expression: z.string() }) }) },
        maxRetries: 0,
      });
      const sequence: string[] = [];
      for await (const part of result.fullStream) sequence.push(part.type);
      return { text: await result.text, toolCalls: (await result.toolCalls).map((c) => ({ name: c.toolName, input: c.input })), usage: await result.usage, sequence };
    },
  },
  {
    name: '@google/genai generateContentStream (global fetch)',
    async run(fetch, server) {
      const ai = new GoogleGenAI({ apiKey: FAKE_KEYS.google, httpOptions: { baseUrl: server.url } });
      const original = globalThis.fetch;
      globalThis.fetch = fetch; // @google/genai has no fetch option: it calls the global fetch per call
      try {
        const stream = await ai.models.generateContentStream({ model: 'gemini-2.5-flash', contents: 'Explain recursion' });
        const out: StreamResult = { text: '', toolCalls: [], usage: undefined, sequence: [] };
        for await (const chunk of stream) {
          out.sequence.push(chunk.candidates?.[0]?.finishReason ?? 'chunk');
          out.text += chunk.text ?? '';
          out.usage = chunk.usageMetadata;
        }
        return out;
      } finally {
        globalThis.fetch = original;
      }
    },
  },
];

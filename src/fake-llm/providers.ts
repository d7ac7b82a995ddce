import { countTokens, replyFor } from './replyFor';

/** What a provider route answers: status, headers and a JSON body. */
export interface FakeReply {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

type Json = Record<string, any>;

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part: Json) => (typeof part === 'string' ? part : (part?.text ?? part?.content ?? '')))
      .filter((t) => typeof t === 'string')
      .join('');
  }
  return '';
}

function lastUserText(messages: Json[] | undefined): string {
  const users = (messages ?? []).filter((m) => m?.role === 'user');
  return textOf(users[users.length - 1]?.content);
}

function promptLength(messages: Json[] | undefined): number {
  return (messages ?? []).reduce((n, m) => n + textOf(m?.content).length, 0);
}

export function openaiChat(body: Json, n: number): FakeReply {
  const prompt = lastUserText(body.messages);
  const text = replyFor(prompt);
  const input = countTokens('x'.repeat(promptLength(body.messages)));
  const output = countTokens(text);
  return {
    status: 200,
    headers: { 'x-request-id': `req_fake${n}`, 'openai-processing-ms': '1' },
    body: {
      id: `chatcmpl-fake${n}`,
      object: 'chat.completion',
      created: 1_700_000_000 + n,
      model: body.model ?? 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, logprobs: null, finish_reason: 'stop' }],
      usage: { prompt_tokens: input, completion_tokens: output, total_tokens: input + output },
      system_fingerprint: 'fp_fake',
    },
  };
}

export function anthropicMessages(body: Json, n: number): FakeReply {
  const prompt = lastUserText(body.messages);
  const text = replyFor(prompt);
  return {
    status: 200,
    headers: { 'request-id': `req_fake${n}` },
    body: {
      id: `msg_fake${n}`,
      type: 'message',
      role: 'assistant',
      model: body.model ?? 'claude-sonnet-4-20250514',
      content: [{ type: 'text', text }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: {
        input_tokens: countTokens('x'.repeat(promptLength(body.messages) + textOf(body.system).length)),
        output_tokens: countTokens(text),
      },
    },
  };
}

export function geminiGenerate(body: Json, model: string, n: number): FakeReply {
  const contents: Json[] = body.contents ?? [];
  const users = contents.filter((c) => (c.role ?? 'user') === 'user');
  const prompt = textOf(users[users.length - 1]?.parts);
  const text = replyFor(prompt);
  const input = countTokens(prompt);
  const output = countTokens(text);
  return {
    status: 200,
    headers: {},
    body: {
      candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 }],
      usageMetadata: { promptTokenCount: input, candidatesTokenCount: output, totalTokenCount: input + output },
      modelVersion: model,
      responseId: `fake${n}`,
    },
  };
}

export function notFound(method: string, path: string): FakeReply {
  return { status: 404, headers: {}, body: { error: { message: `fake LLM server: no route for ${method} ${path}`, type: 'not_found' } } };
}

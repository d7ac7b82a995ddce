import { type Conversation, decideTurn, deltas, type FakeTurn, jsonFragments, textOf } from './decideTurn';
import { type FakeReply, sseEvent } from './sse';

type Json = Record<string, any>;

export function openaiChatConversation(body: Json): Conversation {
  const messages: Json[] = Array.isArray(body.messages) ? body.messages : [];
  const last = messages[messages.length - 1];
  const users = messages.filter((m) => m?.role === 'user');
  return {
    prompt: textOf(users[users.length - 1]?.content),
    toolResult: last?.role === 'tool' ? textOf(last.content) : undefined,
    tools: (Array.isArray(body.tools) ? body.tools : []).map((t: Json) => ({
      name: t.function?.name ?? 'tool',
      parameters: Object.keys(t.function?.parameters?.properties ?? {}),
    })),
    inputChars: messages.reduce((n, m) => n + textOf(m?.content).length, 0),
  };
}

function usage(turn: FakeTurn) {
  return { prompt_tokens: turn.inputTokens, completion_tokens: turn.outputTokens, total_tokens: turn.inputTokens + turn.outputTokens };
}

export function openaiChat(body: Json, n: number): FakeReply {
  const turn = decideTurn(openaiChatConversation(body));
  const id = `chatcmpl-fake${n}`;
  const model = body.model ?? 'gpt-4o-mini';
  const callId = `call_fake${n}`;
  const headers = { 'x-request-id': `req_fake${n}`, 'openai-processing-ms': '1' };
  if (!body.stream) {
    const message: Json = { role: 'assistant', content: turn.toolCall ? null : turn.text, refusal: null };
    if (turn.toolCall) message.tool_calls = [{ id: callId, type: 'function', function: { name: turn.toolCall.name, arguments: JSON.stringify(turn.toolCall.args) } }];
    return {
      kind: 'json',
      status: 200,
      headers,
      body: {
        id,
        object: 'chat.completion',
        created: 1_700_000_000 + n,
        model,
        choices: [{ index: 0, message, logprobs: null, finish_reason: turn.toolCall ? 'tool_calls' : 'stop' }],
        usage: usage(turn),
        system_fingerprint: 'fp_fake',
      },
    };
  }
  const includeUsage = body.stream_options?.include_usage === true;
  const chunk = (delta: Json, finish: string | null = null, extra: Json = {}) =>
    sseEvent({ id, object: 'chat.completion.chunk', created: 1_700_000_000 + n, model, system_fingerprint: 'fp_fake', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...(includeUsage ? { usage: null } : {}), ...extra });
  const events = [chunk({ role: 'assistant', content: '', refusal: null })];
  if (turn.toolCall) {
    events.push(chunk({ tool_calls: [{ index: 0, id: callId, type: 'function', function: { name: turn.toolCall.name, arguments: '' } }] }));
    for (const part of jsonFragments(JSON.stringify(turn.toolCall.args))) events.push(chunk({ tool_calls: [{ index: 0, function: { arguments: part } }] }));
  } else {
    for (const part of deltas(turn.text)) events.push(chunk({ content: part }));
  }
  events.push(chunk({}, turn.toolCall ? 'tool_calls' : 'stop'));
  if (includeUsage) events.push(sseEvent({ id, object: 'chat.completion.chunk', created: 1_700_000_000 + n, model, system_fingerprint: 'fp_fake', choices: [], usage: usage(turn) }));
  events.push(sseEvent('[DONE]'));
  return {
    kind: 'stream',
    headers,
    events,
    errorEvent: sseEvent({ error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null } }),
  };
}

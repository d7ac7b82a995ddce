import { type Conversation, decideTurn, deltas, jsonFragments, textOf } from './decideTurn';
import { type FakeReply, sseEvent } from './sse';

type Json = Record<string, any>;

export function anthropicConversation(body: Json): Conversation {
  const messages: Json[] = Array.isArray(body.messages) ? body.messages : [];
  const last = messages[messages.length - 1];
  const blocks: Json[] = Array.isArray(last?.content) ? last.content : [];
  const toolResult = blocks.find((b) => b?.type === 'tool_result');
  const userTexts = messages.filter((m) => m?.role === 'user' && !(Array.isArray(m.content) && m.content.some((b: Json) => b?.type === 'tool_result')));
  return {
    prompt: textOf(userTexts[userTexts.length - 1]?.content),
    toolResult: toolResult ? textOf(toolResult.content) : undefined,
    tools: (Array.isArray(body.tools) ? body.tools : []).map((t: Json) => ({ name: t.name ?? 'tool', parameters: Object.keys(t.input_schema?.properties ?? {}) })),
    inputChars: messages.reduce((n, m) => n + textOf(m?.content).length, 0) + textOf(body.system).length,
  };
}

export function anthropicMessages(body: Json, n: number): FakeReply {
  const turn = decideTurn(anthropicConversation(body));
  const id = `msg_fake${n}`;
  const toolId = `toolu_fake${n}`;
  const model = body.model ?? 'claude-sonnet-4-20250514';
  const headers = { 'request-id': `req_fake${n}` };
  const stopReason = turn.toolCall ? 'tool_use' : 'end_turn';
  const content: Json[] = turn.toolCall ? [{ type: 'tool_use', id: toolId, name: turn.toolCall.name, input: turn.toolCall.args }] : [{ type: 'text', text: turn.text }];
  if (!body.stream) {
    return {
      kind: 'json',
      status: 200,
      headers,
      body: { id, type: 'message', role: 'assistant', model, content, stop_reason: stopReason, stop_sequence: null, usage: { input_tokens: turn.inputTokens, output_tokens: turn.outputTokens } },
    };
  }
  const events = [
    sseEvent({ type: 'message_start', message: { id, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: turn.inputTokens, output_tokens: 1 } } }, 'message_start'),
  ];
  if (turn.toolCall) {
    events.push(sseEvent({ type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: toolId, name: turn.toolCall.name, input: {} } }, 'content_block_start'));
    events.push(sseEvent({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '' } }, 'content_block_delta'));
    events.push(sseEvent('{"type": "ping"}', 'ping'));
    for (const part of jsonFragments(JSON.stringify(turn.toolCall.args))) {
      events.push(sseEvent({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: part } }, 'content_block_delta'));
    }
  } else {
    events.push(sseEvent({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, 'content_block_start'));
    events.push(sseEvent('{"type": "ping"}', 'ping'));
    for (const part of deltas(turn.text)) events.push(sseEvent({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: part } }, 'content_block_delta'));
  }
  // Real Anthropic streams pad some JSON with spaces; the replay must keep those bytes.
  events.push(sseEvent('{"type":"content_block_stop","index":0 }', 'content_block_stop'));
  events.push(sseEvent({ type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: turn.outputTokens } }, 'message_delta'));
  events.push(sseEvent({ type: 'message_stop' }, 'message_stop'));
  return { kind: 'stream', headers, events, errorEvent: sseEvent({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, 'error') };
}

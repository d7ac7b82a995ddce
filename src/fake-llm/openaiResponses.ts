import { type Conversation, decideTurn, deltas, jsonFragments, textOf } from './decideTurn';
import { type FakeReply, sseEvent } from './sse';

type Json = Record<string, any>;

export function responsesConversation(body: Json): Conversation {
  const input: Json[] = typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : Array.isArray(body.input) ? body.input : [];
  const last = input[input.length - 1];
  const users = input.filter((i) => i?.role === 'user');
  return {
    prompt: textOf(users[users.length - 1]?.content),
    toolResult: last?.type === 'function_call_output' ? String(last.output) : undefined,
    tools: (Array.isArray(body.tools) ? body.tools : []).filter((t: Json) => t.type === 'function').map((t: Json) => ({ name: t.name, parameters: Object.keys(t.parameters?.properties ?? {}) })),
    inputChars: input.reduce((n, i) => n + textOf(i?.content).length, 0) + textOf(body.instructions).length,
  };
}

export function openaiResponses(body: Json, n: number): FakeReply {
  const turn = decideTurn(responsesConversation(body));
  const id = `resp_fake${n}`;
  const model = body.model ?? 'gpt-4.1-mini';
  const usage = { input_tokens: turn.inputTokens, input_tokens_details: { cached_tokens: 0 }, output_tokens: turn.outputTokens, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: turn.inputTokens + turn.outputTokens };
  const item: Json = turn.toolCall
    ? { id: `fc_fake${n}`, type: 'function_call', status: 'completed', call_id: `call_fake${n}`, name: turn.toolCall.name, arguments: JSON.stringify(turn.toolCall.args) }
    : { id: `msg_fake${n}`, type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: turn.text, annotations: [], logprobs: [] }] };
  const response = (status: string, output: Json[], withUsage: boolean) => ({
    id, object: 'response', created_at: 1_700_000_000 + n, status, model, output, usage: withUsage ? usage : null,
    error: null, incomplete_details: null, parallel_tool_calls: true, store: false, temperature: 1, text: { format: { type: 'text' } }, tool_choice: 'auto', tools: [], top_p: 1, truncation: 'disabled', metadata: {},
  });
  const headers = { 'x-request-id': `req_fake${n}` };
  if (!body.stream) return { kind: 'json', status: 200, headers, body: response('completed', [item], true) };
  let seq = 0;
  const ev = (type: string, data: Json) => sseEvent({ type, sequence_number: seq++, ...data }, type);
  const events = [ev('response.created', { response: response('in_progress', [], false) }), ev('response.in_progress', { response: response('in_progress', [], false) })];
  if (turn.toolCall) {
    events.push(ev('response.output_item.added', { output_index: 0, item: { ...item, status: 'in_progress', arguments: '' } }));
    for (const part of jsonFragments(item.arguments)) events.push(ev('response.function_call_arguments.delta', { item_id: item.id, output_index: 0, delta: part }));
    events.push(ev('response.function_call_arguments.done', { item_id: item.id, output_index: 0, arguments: item.arguments, name: item.name }));
  } else {
    events.push(ev('response.output_item.added', { output_index: 0, item: { ...item, status: 'in_progress', content: [] } }));
    events.push(ev('response.content_part.added', { item_id: item.id, output_index: 0, content_index: 0, part: { type: 'output_text', text: '', annotations: [] } }));
    for (const part of deltas(turn.text)) events.push(ev('response.output_text.delta', { item_id: item.id, output_index: 0, content_index: 0, delta: part, logprobs: [] }));
    events.push(ev('response.output_text.done', { item_id: item.id, output_index: 0, content_index: 0, text: turn.text, logprobs: [] }));
    events.push(ev('response.content_part.done', { item_id: item.id, output_index: 0, content_index: 0, part: { type: 'output_text', text: turn.text, annotations: [] } }));
  }
  events.push(ev('response.output_item.done', { output_index: 0, item }));
  events.push(ev('response.completed', { response: response('completed', [item], true) }));
  return { kind: 'stream', headers, events, errorEvent: sseEvent({ type: 'error', sequence_number: 99, code: 'server_error', message: 'The server had an error', param: null }, 'error') };
}

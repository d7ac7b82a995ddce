import { type Conversation, decideTurn, deltas } from './decideTurn';
import { type FakeReply, sseEvent } from './sse';

type Json = Record<string, any>;

const partsText = (parts: unknown) => (Array.isArray(parts) ? parts.map((p: Json) => (typeof p?.text === 'string' ? p.text : '')).join('') : '');

export function geminiConversation(body: Json): Conversation {
  const contents: Json[] = Array.isArray(body.contents) ? body.contents : [];
  const last = contents[contents.length - 1];
  const response = Array.isArray(last?.parts) ? last.parts.find((p: Json) => p?.functionResponse) : undefined;
  const users = contents.filter((c) => (c.role ?? 'user') === 'user' && partsText(c.parts) !== '');
  return {
    prompt: partsText(users[users.length - 1]?.parts),
    toolResult: response ? JSON.stringify(response.functionResponse.response?.result ?? response.functionResponse.response) : undefined,
    tools: (Array.isArray(body.tools) ? body.tools : []).flatMap((t: Json) => (t.functionDeclarations ?? []).map((f: Json) => ({ name: f.name, parameters: Object.keys(f.parameters?.properties ?? f.parametersJsonSchema?.properties ?? {}) }))),
    inputChars: contents.reduce((n, c) => n + partsText(c.parts).length, 0),
  };
}

export function gemini(body: Json, model: string, stream: boolean, n: number): FakeReply {
  const turn = decideTurn(geminiConversation(body));
  const usage = (output: number) => ({ promptTokenCount: turn.inputTokens, candidatesTokenCount: output, totalTokenCount: turn.inputTokens + output });
  const parts = turn.toolCall ? [{ functionCall: { name: turn.toolCall.name, args: turn.toolCall.args } }] : [{ text: turn.text }];
  if (!stream) {
    return { kind: 'json', status: 200, headers: {}, body: { candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP', index: 0 }], usageMetadata: usage(turn.outputTokens), modelVersion: model, responseId: `fake${n}` } };
  }
  const pieces = turn.toolCall ? [parts] : deltas(turn.text).map((d) => [{ text: d }]);
  let out = 0;
  const events = pieces.map((p, i) => {
    out = i === pieces.length - 1 ? turn.outputTokens : Math.min(turn.outputTokens, out + 1);
    const candidate: Json = { content: { role: 'model', parts: p }, index: 0 };
    if (i === pieces.length - 1) candidate.finishReason = 'STOP';
    return sseEvent({ candidates: [candidate], usageMetadata: usage(out), modelVersion: model, responseId: `fake${n}` }, undefined, '\r\n');
  });
  return { kind: 'stream', headers: {}, events, errorEvent: sseEvent({ error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' } }, undefined, '\r\n') };
}

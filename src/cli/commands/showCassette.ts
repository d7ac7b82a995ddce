import { readFileSync } from 'node:fs';
import { parseCassette } from '../../cassette/parseCassette';
import type { StoredBody, StoredInteraction } from '../../cassette/types';
import { streamUsage } from '../../streaming/streamUsage';
import { extractUsage } from '../../usage/extractUsage';

type Json = Record<string, any>;

const MAX = 400;
const short = (text: string) => (text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text);

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: Json) => {
      if (typeof part === 'string') return part;
      if (typeof part?.text === 'string') return part.text;
      if (part?.type === 'tool_use') return `[tool call ${part.name} ${JSON.stringify(part.input)}]`;
      if (part?.type === 'tool_result') return `[tool result ${textOf(part.content)}]`;
      if (part?.functionCall) return `[tool call ${part.functionCall.name} ${JSON.stringify(part.functionCall.args)}]`;
      if (part?.functionResponse) return `[tool result ${JSON.stringify(part.functionResponse.response)}]`;
      return '';
    })
    .join('');
}

/** The conversation an LLM request carries, as `role: text` lines (empty if it is not one). */
function requestTurns(body: unknown): string[] {
  const b = (body ?? {}) as Json;
  const turns: string[] = [];
  if (b.system) turns.push(`system: ${textOf(b.system)}`);
  if (b.instructions) turns.push(`system: ${b.instructions}`);
  for (const m of Array.isArray(b.messages) ? b.messages : []) {
    const calls = Array.isArray(m.tool_calls) ? m.tool_calls.map((c: Json) => `[tool call ${c.function?.name} ${c.function?.arguments}]`).join('') : '';
    turns.push(`${m.role}: ${textOf(m.content)}${calls}`);
  }
  if (typeof b.input === 'string') turns.push(`user: ${b.input}`);
  else if (Array.isArray(b.input)) for (const i of b.input) turns.push(`${i.role ?? i.type}: ${textOf(i.content) || (i.output ?? '')}`);
  for (const c of Array.isArray(b.contents) ? b.contents : []) turns.push(`${c.role ?? 'user'}: ${textOf(c.parts)}`);
  return turns;
}

/** The assistant's answer in a response body, JSON or stream (empty if it is not an LLM answer). */
function answerOf(body: StoredBody): string {
  if (body.body_type === 'json') {
    const r = (body.body_json ?? {}) as Json;
    const choice = r.choices?.[0]?.message;
    if (choice) return `${choice.content ?? ''}${(choice.tool_calls ?? []).map((c: Json) => `[tool call ${c.function?.name} ${c.function?.arguments}]`).join('')}`;
    if (Array.isArray(r.content)) return textOf(r.content);
    if (Array.isArray(r.candidates)) return textOf(r.candidates[0]?.content?.parts);
    if (Array.isArray(r.output)) return r.output.map((o: Json) => (o.type === 'function_call' ? `[tool call ${o.name} ${o.arguments}]` : textOf(o.content))).join('');
    return '';
  }
  if (body.body_type !== 'sse') return '';
  let text = '';
  for (const e of body.body_events ?? []) {
    let d: Json | undefined;
    try {
      d = (e.data_json ?? (e.data ? JSON.parse(e.data) : undefined)) as Json | undefined;
    } catch {
      continue;
    }
    if (!d) continue;
    text += d.choices?.[0]?.delta?.content ?? '';
    if (d.delta?.type === 'text_delta') text += d.delta.text;
    if (d.type === 'response.output_text.delta') text += d.delta;
    if (Array.isArray(d.candidates)) text += textOf(d.candidates[0]?.content?.parts);
  }
  return text;
}

/** A readable rendering of a cassette: LLM calls as conversations, other calls as request/response lines. */
export function showCassette(file: string, only?: number): string {
  const { interactions } = parseCassette(readFileSync(file, 'utf8'), file);
  const lines = [`${file}: ${interactions.length} interaction${interactions.length === 1 ? '' : 's'}`];
  interactions.forEach((i: StoredInteraction, n) => {
    if (only !== undefined && n + 1 !== only) return;
    const { request: rq, response: rs } = i;
    const usage = rs.body_type === 'json' ? extractUsage(rs.body_json) : rs.body_type === 'sse' ? streamUsage(rs) : undefined;
    const tokens = usage ? `, ${usage.input} in / ${usage.output} out tokens` : '';
    const stream = rs.body_type === 'sse' ? `, ${rs.body_events?.length ?? 0} events` : '';
    lines.push('', `#${n + 1} ${rq.method} ${rq.uri}${rq.query_string ? `?${rq.query_string}` : ''} → ${rs.status}${stream}${tokens} (recorded ${i.recorded_at})`);
    if (rs.body_error) lines.push(`  ! body cut by the ${rs.body_error.cut_by}: ${rs.body_error.name}: ${rs.body_error.message}`);
    const turns = rq.body_type === 'json' ? requestTurns(rq.body_json) : [];
    const answer = answerOf(rs);
    if (turns.length || answer) {
      for (const t of turns) lines.push(`  ${short(t)}`);
      lines.push(`  → assistant: ${short(answer)}`);
    } else {
      const body = rs.body_type === 'json' ? JSON.stringify(rs.body_json) : rs.body_type === 'blob' ? `(binary, ${Buffer.from(rs.body_blob ?? '', 'base64').length} bytes)` : (rs.body ?? '');
      lines.push(`  response: ${short(body)}`);
    }
  });
  return lines.join('\n');
}

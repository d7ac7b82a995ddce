import { countTokens, replyFor } from './replyFor';

/** A provider-neutral view of a chat request. */
export interface Conversation {
  /** Text of the last user message. */
  prompt: string;
  /** Set when the last message is a tool result: its content as text. */
  toolResult?: string;
  /** Tools offered, with the names of their parameters. */
  tools: { name: string; parameters: string[] }[];
  /** Characters of all input, for the token count. */
  inputChars: number;
}

/** What the fake model answers: text, or one tool call. */
export interface FakeTurn {
  text: string;
  toolCall?: { name: string; args: Record<string, unknown> };
  inputTokens: number;
  outputTokens: number;
}

const ARITHMETIC = /(-?\d+(?:\.\d+)?)\s*([-+*/x×])\s*(-?\d+(?:\.\d+)?)/;

function chooseTool(conversation: Conversation): FakeTurn['toolCall'] {
  if (conversation.tools.length === 0 || conversation.toolResult !== undefined) return undefined;
  const math = ARITHMETIC.exec(conversation.prompt);
  const wanted = math ? /calc|math|arith/i : /search|lookup|web/i;
  const tool = conversation.tools.find((t) => wanted.test(t.name)) ?? conversation.tools[0]!;
  const param = tool.parameters[0] ?? 'input';
  const value = math && /calc|math|arith/i.test(tool.name) ? `${math[1]} ${math[2] === 'x' || math[2] === '×' ? '*' : math[2]} ${math[3]}` : conversation.prompt;
  return { name: tool.name, args: { [param]: value } };
}

/**
 * The fake model: with tools and a fresh question it calls a tool (a calculator for arithmetic,
 * else a search-like tool); after a tool result it answers with it; otherwise a canned answer.
 */
export function decideTurn(conversation: Conversation): FakeTurn {
  const toolCall = chooseTool(conversation);
  const text = toolCall ? '' : conversation.toolResult !== undefined ? `The answer is ${conversation.toolResult}.` : replyFor(conversation.prompt);
  return {
    text,
    toolCall,
    inputTokens: countTokens('x'.repeat(conversation.inputChars)),
    outputTokens: toolCall ? countTokens(JSON.stringify(toolCall.args)) + 5 : countTokens(text),
  };
}

/** Splits a text into a few stream deltas (words with their spaces). */
export function deltas(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** Splits a JSON string into fragments, as providers stream tool arguments. */
export function jsonFragments(json: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < json.length; i += 8) out.push(json.slice(i, i + 8));
  return out;
}

export function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part: any) => (typeof part === 'string' ? part : typeof part?.text === 'string' ? part.text : typeof part?.content === 'string' ? part.content : textOf(part?.content)))
      .join('');
  }
  return '';
}

/** Token counts of one LLM response. */
export interface TokenUsage {
  input: number;
  output: number;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const obj = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/**
 * Reads the usage fields of an OpenAI (chat, responses, embeddings), Anthropic or Gemini JSON
 * response body. Returns undefined when the body carries none.
 */
export function extractUsage(body: unknown): TokenUsage | undefined {
  const root = obj(body);
  if (!root) return undefined;
  const gemini = obj(root.usageMetadata);
  if (gemini) {
    return {
      input: num(gemini.promptTokenCount),
      output: num(gemini.candidatesTokenCount) + num(gemini.thoughtsTokenCount),
    };
  }
  const usage = obj(root.usage) ?? obj(obj(root.response)?.usage);
  if (!usage) return undefined;
  if ('prompt_tokens' in usage || 'completion_tokens' in usage) {
    return { input: num(usage.prompt_tokens), output: num(usage.completion_tokens) };
  }
  if ('input_tokens' in usage || 'output_tokens' in usage) {
    // Anthropic counts cache reads and writes apart from input_tokens; OpenAI Responses includes them.
    return {
      input: num(usage.input_tokens) + num(usage.cache_creation_input_tokens) + num(usage.cache_read_input_tokens),
      output: num(usage.output_tokens),
    };
  }
  return undefined;
}

/** Deterministic canned answers, so tests can assert on content. */
const CANNED: [RegExp, string][] = [
  [/recursion/i, 'Recursion is when a function calls itself to solve a smaller instance of the same problem.'],
  [/pipe operator/i, 'The pipe operator |> passes the result of one expression as the first argument to the next function.'],
  [/haiku/i, 'Tests replay at once\nno tokens spent, no waiting\ncassettes keep the past'],
  [/elixir/i, 'Elixir is a functional language that runs on the Erlang VM.'],
  [/^(hello|hi)\b/i, 'Hello! How can I help you today?'],
  [/how are you/i, 'I am doing well, thank you for asking.'],
  [/goodbye/i, 'Goodbye! Have a great day.'],
];

/**
 * The answer text for a prompt: a canned answer when one fits, else an echo. A conversation id
 * in the prompt (`conv_…`) is repeated at the end, as a model repeats context.
 */
export function replyFor(prompt: string): string {
  const conversation = /conv_[A-Za-z0-9]+/.exec(prompt)?.[0];
  const suffix = conversation ? ` (conversation ${conversation})` : '';
  for (const [pattern, answer] of CANNED) if (pattern.test(prompt.trim())) return answer + suffix;
  return `You said: ${prompt}`;
}

/** About one token per four characters, at least one. */
export function countTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

import { createAnthropic } from '@ai-sdk/anthropic';
import { generateText } from 'ai';
import { withCassette } from 'fetch-cassette';

// withCassette creates the cassette, runs the callback with its fetch, and always closes it.
const explanation = await withCassette('pipe_explanation', { cassetteDir: 'test/fixtures/llm_cassettes' }, async (fetch) => {
  const anthropic = createAnthropic({ fetch });
  const { text } = await generateText({
    model: anthropic('claude-sonnet-4-20250514'),
    prompt: "Explain what Elixir's pipe operator does",
    maxOutputTokens: 150,
  });
  return text;
});

if (!/pipe/i.test(explanation)) throw new Error(`unexpected answer: ${explanation}`);
console.log(explanation);

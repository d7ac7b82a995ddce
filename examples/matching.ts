import { createAnthropic } from '@ai-sdk/anthropic';
import { generateText } from 'ai';
import { withCassette } from 'fetch-cassette';

// The seed's "Cassette Matching": method, URL, query and body decide which interaction replays.
const stats = await withCassette('matching_example', { cassetteDir: 'test/cassettes' }, async (fetch, cassette) => {
  const model = createAnthropic({ fetch })('claude-sonnet-4-20250514');
  const ask = (prompt: string, maxOutputTokens: number) => generateText({ model, prompt, maxOutputTokens, maxRetries: 0 });

  await ask('Hello', 50); // recorded
  await ask('Goodbye', 50); // a different prompt: recorded separately
  await ask('Hello', 100); // a different max_tokens: recorded separately
  await ask('Hello', 50); // identical to the first: replayed
  return cassette.stats();
});

console.log(`recorded ${stats.recorded}, replayed ${stats.replayed}`); // first run: recorded 3, replayed 1

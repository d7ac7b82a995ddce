import OpenAI from 'openai';
import { useCassette } from 'fetch-cassette/vitest';
import { describe, expect, test } from 'vitest';

describe('chat', () => {
  // Every test gets its own cassette: test/cassettes/use-cassette/chat <test name>.json,
  // opened before the test and closed after it (a miss fails the test).
  const tape = useCassette({ cassetteDir: 'test/cassettes' });

  test.each(['Hello', 'Goodbye'])('answers %s', async (prompt) => {
    const client = new OpenAI({ fetch: tape.fetch, maxRetries: 0 });
    const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] });
    expect(completion.choices[0]?.message.content).toBeTruthy();
  });
});

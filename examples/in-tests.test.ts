import { createAnthropic } from '@ai-sdk/anthropic';
import { generateText } from 'ai';
import { withCassette } from 'fetch-cassette';
import { startFakeLlmServer } from 'fetch-cassette/fake-llm';
import { afterAll, beforeAll, expect, test } from 'vitest';

const cassetteDir = 'test/fixtures/llm_cassettes';

// Without a real key, the local fake LLM server stands in for the API (base URL from the env).
let server: Awaited<ReturnType<typeof startFakeLlmServer>> | undefined;
beforeAll(async () => {
  if (process.env.ANTHROPIC_API_KEY) return;
  server = await startFakeLlmServer();
  process.env.ANTHROPIC_BASE_URL = `${server.url}/v1`;
  process.env.ANTHROPIC_API_KEY = 'sk-ant-test-not-a-real-key';
});
afterAll(async () => {
  await server?.close();
});

test('generates code explanation', async () => {
  const explanation = await withCassette(
    'pipe_explanation',
    { cassetteDir, mode: 'record', filterRequestHeaders: ['authorization', 'x-api-key', 'cookie'] },
    async (fetch) => {
      const anthropic = createAnthropic({ fetch });
      const { text } = await generateText({
        model: anthropic('claude-sonnet-4-20250514'),
        prompt: "Explain what Elixir's pipe operator does",
        maxOutputTokens: 150,
      });
      return text;
    },
  );

  expect(explanation).toMatch(/pipe/i);
  expect(explanation).toMatch(/\|>/);
});

import Anthropic from '@anthropic-ai/sdk';
import { createCassette } from 'fetch-cassette';

const cassette = createCassette('llm_example', {
  cassetteDir: 'test/cassettes',
  mode: 'record',
  filterRequestHeaders: ['authorization', 'x-api-key', 'cookie'],
});
const client = new Anthropic({ fetch: cassette.fetch });

// First run: calls the API and records test/cassettes/llm_example.json.
// Every later run: replays it instantly, offline and for free.
const response = await client.messages.create({
  model: 'claude-sonnet-4-20250514',
  max_tokens: 100,
  messages: [{ role: 'user', content: 'Explain recursion in one sentence' }],
});
await cassette.close();

console.log(response.content[0]?.type === 'text' ? response.content[0].text : '');
console.log(cassette.stats()); // { replayed: 0, recorded: 1, ... } then { replayed: 1, ... }

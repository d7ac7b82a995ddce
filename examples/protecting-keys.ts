import { readFileSync } from 'node:fs';
import Anthropic from '@anthropic-ai/sdk';
import { withCassette } from 'fetch-cassette';

// API keys never reach the cassette: built-in, and the seed's list adds to it.
const cassettePath = await withCassette(
  'llm_test',
  { cassetteDir: 'test/cassettes', filterRequestHeaders: ['authorization', 'x-api-key', 'cookie'] },
  async (fetch, cassette) => {
    const client = new Anthropic({ fetch });
    await client.messages.create({ model: 'claude-sonnet-4-20250514', max_tokens: 100, messages: [{ role: 'user', content: 'Hello' }] });
    return cassette.path;
  },
);

const written = readFileSync(cassettePath, 'utf8');
console.log(written.includes(process.env.ANTHROPIC_API_KEY ?? '<no key>') ? 'KEY LEAKED' : 'no key in the cassette');

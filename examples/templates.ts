import Anthropic from '@anthropic-ai/sdk';
import { withCassette, type CassetteOptions } from 'fetch-cassette';

const cassetteOptions: CassetteOptions = {
  // Security: API keys are filtered (these add to the built-in list).
  filterRequestHeaders: ['authorization', 'x-api-key'],
  // Flexibility: dynamic ids and timestamps become {{name.N}} markers.
  template: {
    patterns: {
      conversation_id: /conv_[a-zA-Z0-9]+/,
      request_id: /req_[a-zA-Z0-9]+/,
      timestamp: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/,
    },
  },
};

async function explainRecursion(conversationId: string): Promise<string> {
  return withCassette('llm_chat', cassetteOptions, async (fetch) => {
    const client = new Anthropic({ fetch });
    const message = await client.messages.create({
      model: 'claude-sonnet-4-20250514',
      max_tokens: 100,
      messages: [{ role: 'user', content: `Explain recursion [${conversationId}]` }],
    });
    return message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
  });
}

// First call: records with conv_abc123, stored as {{conversation_id.0}}.
const response1 = await explainRecursion('conv_abc123');
// Second call: a different id matches the same recording; the response carries conv_xyz789.
const response2 = await explainRecursion('conv_xyz789');

console.log(response1);
console.log(response2);

import { createCassette } from 'fetch-cassette';
import { Agent } from './agent';

// The seed's "Advanced: Agent with Tool Calling": every call the agent makes (the first LLM call,
// the tool follow-ups) is recorded in one cassette; a second run replays them all.
const streaming = process.argv.includes('--streaming');
const cassette = createCassette(streaming ? 'my_agent_streaming' : 'my_agent', {
  cassetteDir: 'agent_cassettes',
  mode: 'record', // records what is missing, replays the rest
  filterRequestHeaders: ['authorization', 'x-api-key', 'cookie'],
});

const agent = new Agent({ fetch: cassette.fetch, streaming });
const first = await agent.prompt('What is 15 * 7?');
const second = await agent.prompt('Who created Elixir? Search the web.');
await cassette.close();

console.log(first);
console.log(second);
console.log(JSON.stringify(cassette.stats()));

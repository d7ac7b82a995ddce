/** One request/response pair of a workload. */
export interface BenchInteraction {
  path: string;
  requestBody: string;
  status: number;
  contentType: string;
  responseBody: string;
}

export interface Workload {
  name: string;
  interactions: BenchInteraction[];
  /** Which interaction the measured request asks for. */
  target: number;
  warmup: number;
  iterations: number;
}

function chat(prompt: string, content: string): string {
  return JSON.stringify({
    id: 'chatcmpl-bench1',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'gpt-4o-mini',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: prompt.length, completion_tokens: content.length, total_tokens: prompt.length + content.length },
    system_fingerprint: 'fp_bench',
  });
}

function request(prompt: string): string {
  return JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }], max_tokens: 100 });
}

const small: BenchInteraction = {
  path: '/v1/chat/completions',
  requestBody: request('Explain recursion in one sentence'),
  status: 200,
  contentType: 'application/json',
  responseBody: chat('Explain recursion in one sentence', 'Recursion is when a function calls itself to solve a smaller instance of the same problem.'),
};

function megabyte(): string {
  const items = [];
  let size = 0;
  for (let i = 0; size < 1_000_000; i++) {
    const item = { index: i, embedding: Array.from({ length: 16 }, (_, j) => Number(((i * 31 + j * 7) % 1000) / 1000).toFixed(3)), text: `chunk ${i} of the document` };
    size += JSON.stringify(item).length + 1;
    items.push(item);
  }
  return JSON.stringify({ object: 'list', data: items });
}

function sse(events: number): string {
  let out = '';
  for (let i = 0; i < events; i++) {
    out += `data: ${JSON.stringify({ id: 'chatcmpl-bench1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: `tok${i} ` }, finish_reason: null }] })}\n\n`;
  }
  return `${out}data: [DONE]\n\n`;
}

export function workloads(): Workload[] {
  const many = (n: number): BenchInteraction[] =>
    Array.from({ length: n }, (_, i) => ({ ...small, requestBody: request(`Question number ${i}`), responseBody: chat(`Question number ${i}`, `Answer ${i}`) }));
  return [
    { name: 'small JSON chat completion', interactions: [small], target: 0, warmup: 300, iterations: 3000 },
    { name: '1 MB JSON body', interactions: [{ ...small, path: '/v1/embeddings', responseBody: megabyte() }], target: 0, warmup: 20, iterations: 200 },
    { name: 'SSE stream, 1,000 events', interactions: [{ ...small, requestBody: request('stream'), contentType: 'text/event-stream', responseBody: sse(1000) }], target: 0, warmup: 20, iterations: 200 },
    { name: 'lookup in 10 interactions', interactions: many(10), target: 7, warmup: 300, iterations: 3000 },
    { name: 'lookup in 10,000 interactions', interactions: many(10_000), target: 7_777, warmup: 300, iterations: 3000 },
  ];
}

/** A file-name-safe form of a workload name. */
export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

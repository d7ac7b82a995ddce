/** Timing helpers: per-call durations after warm-up, summarised as median and p99. */
export interface Timing {
  median: number;
  p99: number;
  n: number;
}

export async function measure(op: () => Promise<void>, { warmup, iterations, budgetMs = 4000 }: { warmup: number; iterations: number; budgetMs?: number }): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await op();
  const samples: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (let i = 0; i < iterations && (i < 30 || performance.now() < deadline); i++) {
    const t = performance.now();
    await op();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, p99: samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.99))]!, n: samples.length };
}

export function formatMs(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(1)} µs`;
  return `${ms.toFixed(2)} ms`;
}

import { readFileSync } from 'node:fs';
import { parseCassette } from '../../cassette/parseCassette';
import type { StoredInteraction } from '../../cassette/types';
import { MODEL_PRICES, type ModelPrice, priceOf } from '../../usage/prices';
import { usageOf } from '../../usage/usageOf';

export interface ModelStats {
  model: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  /** USD for one replay of these calls at list price; null when the model's price is unknown. */
  cost: number | null;
}

/** The model an LLM interaction asked for: the body's `model`, or Gemini's `/models/<name>:` path. */
function modelOf(i: StoredInteraction): string | undefined {
  const body = i.request.body_json as { model?: unknown } | undefined;
  if (typeof body?.model === 'string') return body.model;
  return /\/models\/([^/:]+):/.exec(i.request.uri)?.[1];
}

/** Tokens and list-price cost per model over the given cassette files (what each replay saves). */
export function cassetteStats(files: readonly string[], prices: Readonly<Record<string, ModelPrice>> = MODEL_PRICES): ModelStats[] {
  const byModel = new Map<string, ModelStats>();
  for (const file of files) {
    let interactions: StoredInteraction[];
    try {
      interactions = parseCassette(readFileSync(file, 'utf8'), file).interactions;
    } catch {
      continue; // not a cassette: `cassette verify` reports those
    }
    for (const i of interactions) {
      const usage = usageOf(i.response);
      if (!usage) continue;
      const model = modelOf(i) ?? 'unknown';
      const s = byModel.get(model) ?? byModel.set(model, { model, calls: 0, inputTokens: 0, outputTokens: 0, cost: 0 }).get(model)!;
      s.calls++;
      s.inputTokens += usage.input;
      s.outputTokens += usage.output;
    }
  }
  for (const s of byModel.values()) {
    const price = priceOf(s.model, prices);
    s.cost = price ? (s.inputTokens * price.input + s.outputTokens * price.output) / 1e6 : null;
  }
  return [...byModel.values()].sort((a, b) => a.model.localeCompare(b.model));
}

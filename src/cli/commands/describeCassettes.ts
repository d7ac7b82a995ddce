import { readFileSync } from 'node:fs';
import { parseCassette } from '../../cassette/parseCassette';
import { CassetteCorruptError } from '../../errors/CassetteCorruptError';
import { usageOf } from '../../usage/usageOf';

export interface CassetteSummary {
  file: string;
  /** Undefined when the file is not a valid cassette. */
  interactions?: number;
  streamed?: number;
  templated?: number;
  tokens?: number;
  lastRecorded?: string;
  /** Why the file is not a valid cassette. */
  error?: string;
}

/** Reads each file as a cassette: counts for a valid one, the reason (file:line:column) otherwise. */
export function describeCassettes(files: readonly string[]): CassetteSummary[] {
  return files.map((file) => {
    try {
      const { interactions } = parseCassette(readFileSync(file, 'utf8'), file);
      let tokens = 0;
      for (const i of interactions) {
        const usage = usageOf(i.response);
        if (usage) tokens += usage.input + usage.output;
      }
      const times = interactions.map((i) => i.recorded_at).filter((t) => /^\d{4}-/.test(t)).sort();
      return {
        file,
        interactions: interactions.length,
        streamed: interactions.filter((i) => i.response.body_type === 'sse' || i.response.body_type === 'ndjson').length,
        templated: interactions.filter((i) => i.template !== undefined).length,
        tokens,
        lastRecorded: times.at(-1),
      };
    } catch (error) {
      const detail = error instanceof CassetteCorruptError ? error.message.split('\n').slice(0, 2).join(' ').replace(/^fetch-cassette: /, '') : String(error);
      return { file, error: detail };
    }
  });
}

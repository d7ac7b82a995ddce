import type { CassetteMode } from 'fetch-cassette';

/**
 * The seed's "Best Practice: Environment Variables": CI always replays; locally, RECORD=1 records
 * and anything else replays. (fetch-cassette also does this on its own: `CI` makes the default
 * mode `replay`, and `CASSETTE_MODE` overrides every cassette's mode.)
 */
export function cassetteMode(env: NodeJS.ProcessEnv = process.env): CassetteMode {
  if (env.CI === 'true') return 'replay';
  return env.RECORD ? 'record' : 'replay';
}

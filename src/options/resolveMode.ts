import { InvalidOptionError } from '../errors/InvalidOptionError';
import type { CassetteMode } from './CassetteOptions';

export const MODES: readonly CassetteMode[] = ['record', 'replay', 'bypass', 'rerecord'];
const ALIASES: Record<string, CassetteMode> = { none: 'replay' };

/** True for a set env value that is not an explicit "false" (`CI=true`, `CI=1`, `CI=yes`). */
export function isTruthyEnv(value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim().toLowerCase();
  return v !== '' && v !== '0' && v !== 'false' && v !== 'no' && v !== 'off';
}

function parseMode(value: unknown, source: string): CassetteMode {
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if ((MODES as readonly string[]).includes(v)) return v as CassetteMode;
    if (v in ALIASES) return ALIASES[v]!;
  }
  throw new InvalidOptionError(
    source,
    `${JSON.stringify(value)} is not a mode; use one of ${MODES.map((m) => `'${m}'`).join(', ')} (or 'none', an alias of 'replay')`,
  );
}

/** Precedence: env `CASSETTE_MODE` > the `mode` option > `replay` when `CI` is truthy > `record`. */
export function resolveMode(option: unknown, env: NodeJS.ProcessEnv = process.env): CassetteMode {
  const fromEnv = env.CASSETTE_MODE;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return parseMode(fromEnv, 'CASSETTE_MODE (environment)');
  if (option !== undefined) return parseMode(option, 'mode');
  return isTruthyEnv(env.CI) ? 'replay' : 'record';
}

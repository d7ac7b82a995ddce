/** Compiled template settings: the patterns (global copies) and whether JSON keys are templated. */
export interface TemplateConfig {
  /** Pattern name → global RegExp, sorted by name. */
  patterns: ReadonlyMap<string, RegExp>;
  allowKeyTemplates: boolean;
  /** A stable key for grouping interactions that share settings. */
  key: string;
}

const FLAG_NAMES: Record<string, string> = { i: 'caseless', m: 'multiline', s: 'dotall', u: 'unicode', x: 'extended' };
const NAME_FLAGS: Record<string, string> = Object.fromEntries(Object.entries(FLAG_NAMES).map(([f, n]) => [n, f]));

export function compileTemplate(patterns: Record<string, RegExp>, allowKeyTemplates: boolean): TemplateConfig {
  const map = new Map<string, RegExp>();
  for (const name of Object.keys(patterns).sort()) {
    const re = patterns[name]!;
    map.set(name, new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'g'));
  }
  const key = JSON.stringify([[...map].map(([n, r]) => [n, r.source, r.flags]), allowKeyTemplates]);
  return { patterns: map, allowKeyTemplates, key };
}

/** The `template.patterns` entry stored in a cassette: ReqCassette's `{source, opts}` form. */
export function storedPattern(re: RegExp): { source: string; opts: string[] } {
  return { source: re.source, opts: [...re.flags].filter((f) => f in FLAG_NAMES).map((f) => FLAG_NAMES[f]!) };
}

/** Reads a stored pattern (`{source, opts}` or a bare source string, as older files have). */
export function patternFromStored(value: unknown): RegExp | undefined {
  if (typeof value === 'string') return new RegExp(value);
  if (value && typeof value === 'object' && typeof (value as { source?: unknown }).source === 'string') {
    const { source, opts } = value as { source: string; opts?: unknown };
    const flags = Array.isArray(opts) ? opts.map((o) => NAME_FLAGS[String(o)] ?? '').join('') : '';
    try {
      return new RegExp(source, [...new Set(flags)].join(''));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

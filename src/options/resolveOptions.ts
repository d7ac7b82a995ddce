import { InvalidOptionError } from '../errors/InvalidOptionError';
import type { CompiledFilter } from '../redaction/applySensitiveData';
import type { ScanRules } from '../redaction/scanForSecrets';
import { SECRET_SHAPES } from '../redaction/secretShapes';
import {
  IDENTIFIER_HEADERS,
  SECRET_QUERY_PARAMS,
  SECRET_REQUEST_HEADERS,
  SECRET_RESPONSE_HEADERS,
} from '../redaction/builtinSecrets';
import type { StoredInteraction, StoredRequest, StoredResponse } from '../cassette/types';
import type { CassetteMode, CassetteOptions, CustomMatcher, TemplateOptions } from './CassetteOptions';
import { resolveMode } from './resolveMode';

export const BUILTIN_MATCHERS = ['method', 'uri', 'query', 'body', 'headers'] as const;
export type BuiltinMatcher = (typeof BUILTIN_MATCHERS)[number];
export const DEFAULT_MATCHERS: readonly BuiltinMatcher[] = ['method', 'uri', 'query', 'body'];
export const TEMPLATE_PRESETS = ['openai', 'anthropic', 'llm', 'common'] as const;

/** Matchers split into what the index can hash and what must be called. */
export interface ResolvedMatchers {
  builtins: BuiltinMatcher[];
  /** For `headers`: the names to compare, or undefined for "all but volatile ones". */
  headerNames: string[] | undefined;
  custom: CustomMatcher[];
  /** Human-readable list for error messages. */
  describe: string[];
}

/** Every option with its default applied, validated once at creation. */
export interface ResolvedOptions {
  cassetteDir: string;
  mode: CassetteMode;
  matchers: ResolvedMatchers;
  sequential: boolean;
  /** Sequential only because `template` is set: in `record` mode a request that does not match at the cursor may still replay an earlier match. */
  sequentialImplied: boolean;
  requestHeadersRemoved: ReadonlySet<string>;
  requestHeadersMasked: ReadonlySet<string>;
  responseHeadersRemoved: ReadonlySet<string>;
  responseHeadersMasked: ReadonlySet<string>;
  secretQueryParams: ReadonlySet<string>;
  sensitiveData: CompiledFilter[];
  filterRequest: ((request: StoredRequest) => StoredRequest) | undefined;
  filterResponse: ((response: StoredResponse) => StoredResponse) | undefined;
  beforeRecord: ((interaction: StoredInteraction) => StoredInteraction) | undefined;
  template: TemplateOptions | undefined;
  replayTiming: 'instant' | 'recorded' | number;
  fetch: typeof globalThis.fetch;
  onUnusedInteractions: 'ignore' | 'warn' | 'error';
  scanRules: ScanRules;
}

const KNOWN_OPTIONS: readonly (keyof CassetteOptions)[] = [
  'cassetteDir',
  'mode',
  'matchRequestsOn',
  'sequential',
  'filterRequestHeaders',
  'filterResponseHeaders',
  'filterSensitiveData',
  'filterRequest',
  'filterResponse',
  'beforeRecord',
  'template',
  'replayTiming',
  'fetch',
  'onUnusedInteractions',
  'secretScan',
  'unsafelyKeep',
];

function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function stringList(option: string, value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
    throw new InvalidOptionError(option, `expected an array of header names (strings), got ${JSON.stringify(value)}`);
  }
  return value.map((v: string) => v.trim().toLowerCase());
}

function hook<T>(option: string, value: unknown): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'function') throw new InvalidOptionError(option, `expected a function, got ${typeof value}`);
  return value as T;
}

function resolveMatchers(value: unknown): ResolvedMatchers {
  const list = value === undefined ? DEFAULT_MATCHERS : value;
  if (!Array.isArray(list)) {
    throw new InvalidOptionError('matchRequestsOn', `expected an array of matchers, got ${JSON.stringify(list)}`);
  }
  const out: ResolvedMatchers = { builtins: [], headerNames: undefined, custom: [], describe: [] };
  for (const m of list) {
    if (typeof m === 'function') {
      out.custom.push(m as CustomMatcher);
      out.describe.push(m.name ? `custom(${m.name})` : 'custom');
    } else if (typeof m === 'string' && (BUILTIN_MATCHERS as readonly string[]).includes(m)) {
      if (!out.builtins.includes(m as BuiltinMatcher)) out.builtins.push(m as BuiltinMatcher);
      out.describe.push(m);
    } else if (m && typeof m === 'object' && Array.isArray((m as { headers?: unknown }).headers)) {
      out.headerNames = stringList('matchRequestsOn[].headers', (m as { headers: unknown }).headers);
      if (!out.builtins.includes('headers')) out.builtins.push('headers');
      out.describe.push(`headers(${out.headerNames.join(', ')})`);
    } else {
      throw new InvalidOptionError(
        'matchRequestsOn',
        `${JSON.stringify(m)} is not a matcher; use ${BUILTIN_MATCHERS.map((b) => `'${b}'`).join(', ')}, { headers: [names] } or a function (incoming, recorded) => boolean`,
      );
    }
  }
  return out;
}

function compileFilters(value: unknown): CompiledFilter[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new InvalidOptionError('filterSensitiveData', 'expected an array of [pattern, replacement] pairs');
  }
  return value.map((pair, i) => {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[1] !== 'string') {
      throw new InvalidOptionError('filterSensitiveData', `entry ${i} must be [RegExp | string, string], got ${JSON.stringify(pair)}`);
    }
    const [pattern, replacement] = pair as [unknown, string];
    if (pattern instanceof RegExp) {
      if (pattern.source === '(?:)') throw new InvalidOptionError('filterSensitiveData', `entry ${i} has an empty pattern`);
      return { pattern: new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`), replacement };
    }
    if (typeof pattern === 'string' && pattern !== '') {
      return { pattern: new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), replacement: replacement.replace(/\$/g, '$$$$') };
    }
    throw new InvalidOptionError('filterSensitiveData', `entry ${i}: the pattern must be a RegExp or a non-empty string`);
  });
}

function resolveTemplate(value: unknown): TemplateOptions | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidOptionError('template', 'expected { patterns?: Record<string, RegExp>, preset?: ' + TEMPLATE_PRESETS.map((p) => `'${p}'`).join(' | ') + ', allowKeyTemplates?: boolean }');
  }
  const { patterns, preset, allowKeyTemplates, ...rest } = value as TemplateOptions & Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length) throw new InvalidOptionError('template', `unknown key(s) ${extra.join(', ')}; legal keys are patterns, preset and allowKeyTemplates`);
  if (allowKeyTemplates !== undefined && typeof allowKeyTemplates !== 'boolean') throw new InvalidOptionError('template.allowKeyTemplates', 'expected true or false');
  if (patterns === undefined && preset === undefined) {
    throw new InvalidOptionError('template', 'needs patterns, a preset, or both');
  }
  if (preset !== undefined && !(TEMPLATE_PRESETS as readonly string[]).includes(preset)) {
    throw new InvalidOptionError('template.preset', `${JSON.stringify(preset)} is not a preset; available: ${TEMPLATE_PRESETS.join(', ')}`);
  }
  if (patterns !== undefined) {
    if (patterns === null || typeof patterns !== 'object') throw new InvalidOptionError('template.patterns', 'expected an object of name → RegExp');
    for (const [name, re] of Object.entries(patterns)) {
      if (!(re instanceof RegExp)) throw new InvalidOptionError(`template.patterns.${name}`, `expected a RegExp, got ${JSON.stringify(re)}`);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new InvalidOptionError(`template.patterns.${name}`, 'a pattern name must be an identifier (letters, digits, _)');
    }
  }
  return { patterns, preset, allowKeyTemplates } as TemplateOptions;
}

function resolveScan(value: unknown): ScanRules {
  if (value === undefined) return { shapes: SECRET_SHAPES, allow: [] };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidOptionError('secretScan', 'expected { patterns?: Record<string, RegExp>, allow?: (string | RegExp)[] }');
  }
  const { patterns = {}, allow = [], ...rest } = value as { patterns?: unknown; allow?: unknown };
  if (Object.keys(rest).length) throw new InvalidOptionError('secretScan', `unknown key(s) ${Object.keys(rest).join(', ')}; legal keys are patterns and allow`);
  if (patterns === null || typeof patterns !== 'object' || Array.isArray(patterns)) throw new InvalidOptionError('secretScan.patterns', 'expected an object of name → RegExp');
  for (const [name, re] of Object.entries(patterns)) {
    if (!(re instanceof RegExp)) throw new InvalidOptionError(`secretScan.patterns.${name}`, `expected a RegExp, got ${JSON.stringify(re)}`);
  }
  if (!Array.isArray(allow) || allow.some((a) => typeof a !== 'string' && !(a instanceof RegExp))) {
    throw new InvalidOptionError('secretScan.allow', 'expected an array of strings or RegExps');
  }
  return { shapes: { ...SECRET_SHAPES, ...(patterns as Record<string, RegExp>) }, allow: allow as (string | RegExp)[] };
}

function resolveKeep(value: unknown): { requestHeaders: string[]; responseHeaders: string[]; queryParams: string[] } {
  const out = { requestHeaders: [] as string[], responseHeaders: [] as string[], queryParams: [] as string[] };
  if (value === undefined) return out;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidOptionError('unsafelyKeep', 'expected { requestHeaders?, responseHeaders?, queryParams? }, each a list of built-in names');
  }
  const builtins = { requestHeaders: [...SECRET_REQUEST_HEADERS, ...IDENTIFIER_HEADERS], responseHeaders: [...SECRET_RESPONSE_HEADERS, ...IDENTIFIER_HEADERS], queryParams: SECRET_QUERY_PARAMS };
  for (const [key, names] of Object.entries(value)) {
    if (!(key in builtins)) throw new InvalidOptionError('unsafelyKeep', `unknown key ${key}; legal keys are requestHeaders, responseHeaders and queryParams`);
    const list = stringList(`unsafelyKeep.${key}`, names);
    const legal = builtins[key as keyof typeof builtins];
    for (const name of list) {
      if (!legal.includes(name)) throw new InvalidOptionError(`unsafelyKeep.${key}`, `'${name}' is not a built-in redaction; built-ins are ${legal.join(', ')}`);
    }
    out[key as keyof typeof out] = list;
  }
  return out;
}

function resolveTiming(value: unknown): 'instant' | 'recorded' | number {
  if (value === undefined) return 'instant';
  if (value === 'instant' || value === 'recorded') return value;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  throw new InvalidOptionError('replayTiming', `${JSON.stringify(value)} is not valid; use 'instant', 'recorded' or a positive speed factor (2 = twice as fast)`);
}

/** Validates `options` and applies every default. The one place defaults live. */
export function resolveOptions(options: CassetteOptions = {}, env: NodeJS.ProcessEnv = process.env): ResolvedOptions {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new InvalidOptionError('options', `expected an object, got ${JSON.stringify(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!(KNOWN_OPTIONS as readonly string[]).includes(key)) {
      const suggestion = (KNOWN_OPTIONS as readonly string[]).includes(camel(key)) ? ` (did you mean '${camel(key)}'?)` : '';
      throw new InvalidOptionError(key, `unknown option${suggestion}; known options: ${KNOWN_OPTIONS.join(', ')}`);
    }
  }
  const o = options as Record<string, unknown>;
  if (o.cassetteDir !== undefined && (typeof o.cassetteDir !== 'string' || o.cassetteDir === '')) {
    throw new InvalidOptionError('cassetteDir', `expected a non-empty path string, got ${JSON.stringify(o.cassetteDir)}`);
  }
  if (o.sequential !== undefined && typeof o.sequential !== 'boolean') {
    throw new InvalidOptionError('sequential', `expected true or false, got ${JSON.stringify(o.sequential)}`);
  }
  const unused = o.onUnusedInteractions ?? 'warn';
  if (unused !== 'ignore' && unused !== 'warn' && unused !== 'error') {
    throw new InvalidOptionError('onUnusedInteractions', `${JSON.stringify(unused)} is not valid; use 'ignore', 'warn' or 'error'`);
  }
  const liveFetch = o.fetch ?? globalThis.fetch;
  if (typeof liveFetch !== 'function') throw new InvalidOptionError('fetch', 'expected a fetch function; no global fetch is available');

  const template = resolveTemplate(o.template);
  const userRequestHeaders = stringList('filterRequestHeaders', o.filterRequestHeaders);
  const userResponseHeaders = stringList('filterResponseHeaders', o.filterResponseHeaders);
  const keep = resolveKeep(o.unsafelyKeep);
  const without = (names: readonly string[], kept: string[]) => names.filter((n) => !kept.includes(n));

  return {
    cassetteDir: (o.cassetteDir as string | undefined) ?? 'test/cassettes',
    mode: resolveMode(o.mode, env),
    matchers: resolveMatchers(o.matchRequestsOn),
    sequential: (o.sequential as boolean | undefined) ?? template !== undefined,
    sequentialImplied: o.sequential === undefined && template !== undefined,
    requestHeadersRemoved: new Set([...without(SECRET_REQUEST_HEADERS, keep.requestHeaders), ...userRequestHeaders]),
    requestHeadersMasked: new Set(without(IDENTIFIER_HEADERS, [...userRequestHeaders, ...keep.requestHeaders])),
    responseHeadersRemoved: new Set([...without(SECRET_RESPONSE_HEADERS, keep.responseHeaders), ...userResponseHeaders]),
    responseHeadersMasked: new Set(without(IDENTIFIER_HEADERS, [...userResponseHeaders, ...keep.responseHeaders])),
    secretQueryParams: new Set(without(SECRET_QUERY_PARAMS, keep.queryParams)),
    sensitiveData: compileFilters(o.filterSensitiveData),
    filterRequest: hook('filterRequest', o.filterRequest),
    filterResponse: hook('filterResponse', o.filterResponse),
    beforeRecord: hook('beforeRecord', o.beforeRecord),
    template,
    replayTiming: resolveTiming(o.replayTiming),
    fetch: liveFetch as typeof globalThis.fetch,
    onUnusedInteractions: unused,
    scanRules: resolveScan(o.secretScan),
  };
}

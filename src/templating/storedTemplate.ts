import type { StoredInteraction } from '../cassette/types';
import type { TemplateOptions } from '../options/CassetteOptions';
import { TEMPLATE_PRESETS } from './presets';
import { compileTemplate, patternFromStored, storedPattern, type TemplateConfig } from './TemplateConfig';
import { type TemplateValues, valuesToRecord } from './templateInteraction';

/** The `template` key of a templated interaction (ReqCassette's shape). */
export interface StoredTemplate {
  enabled: true;
  patterns: Record<string, { source: string; opts: string[] }>;
  /** The distinct values found at record time, in marker order (`{{name.N}}` is `recorded_values[name][N]`). */
  recorded_values: Record<string, string[]>;
  config: { allow_key_templates: boolean; debug: boolean };
}

/** The compiled settings of the `template` option: preset patterns, then explicit ones (which win). */
export function templateConfigOf(options: TemplateOptions): TemplateConfig {
  const patterns: Record<string, RegExp> = { ...(options.preset ? TEMPLATE_PRESETS[options.preset] : {}), ...(options.patterns ?? {}) };
  return compileTemplate(patterns, options.allowKeyTemplates === true);
}

export function storedTemplate(config: TemplateConfig, values: TemplateValues): StoredTemplate {
  const patterns: StoredTemplate['patterns'] = {};
  for (const [name, re] of config.patterns) patterns[name] = storedPattern(re);
  return { enabled: true, patterns, recorded_values: valuesToRecord(values), config: { allow_key_templates: config.allowKeyTemplates, debug: false } };
}

const cache = new WeakMap<object, TemplateConfig | null>();

/** The template settings an interaction was recorded with, compiled once; undefined if not templated. */
export function interactionTemplate(interaction: StoredInteraction): TemplateConfig | undefined {
  const meta = interaction.template as Partial<StoredTemplate> | undefined;
  if (!meta || typeof meta !== 'object' || (meta.enabled as unknown) === false) return undefined;
  const cached = cache.get(meta);
  if (cached !== undefined) return cached ?? undefined;
  const patterns: Record<string, RegExp> = {};
  for (const [name, stored] of Object.entries(meta.patterns ?? {})) {
    const re = patternFromStored(stored);
    if (re) patterns[name] = re;
  }
  const config = meta.enabled === true || Object.keys(patterns).length ? compileTemplate(patterns, meta.config?.allow_key_templates === true) : undefined;
  cache.set(meta, config ?? null);
  return config;
}

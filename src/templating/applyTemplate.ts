import type { StoredInteraction } from '../cassette/types';
import { markersIn } from './markers';
import { storedTemplate } from './storedTemplate';
import type { TemplateConfig } from './TemplateConfig';
import { type TemplateValues, templateRequest, templateResponse } from './templateInteraction';

/**
 * Replaces dynamic values with `{{name.N}}` markers in the request and, where shared, in the
 * response, and records the template settings on the interaction. Logs the extraction to `debug`.
 */
export function applyTemplate(interaction: StoredInteraction, config: TemplateConfig, debug?: (message: string) => void): StoredInteraction {
  const { request, values } = templateRequest(interaction.request, config);
  const response = templateResponse(interaction.response, values, config);
  if (debug) {
    const found = [...values].map(([n, v]) => `${n}: ${JSON.stringify(v)}`).join(', ') || '(none)';
    const shared = [...new Set(markersIn(JSON.stringify(response)))].join(', ') || '(none)';
    debug(`extraction: ${request.method} ${request.uri} values ${found}; in the response: ${shared}`);
  }
  return { ...interaction, request, response, template: storedTemplate(config, values) };
}

/** True when a request's templated values are exactly those an interaction was recorded with. */
export function sameValues(values: TemplateValues, interaction: StoredInteraction): boolean {
  const recorded = (interaction.template as { recorded_values?: Record<string, string[]> } | undefined)?.recorded_values ?? {};
  const names = Object.keys(recorded).filter((n) => recorded[n]!.length > 0);
  if (names.length !== values.size) return false;
  return names.every((n) => JSON.stringify(values.get(n)) === JSON.stringify(recorded[n]));
}

import type { TemplateConfig } from './TemplateConfig';

export interface TemplateMatch {
  start: number;
  end: number;
  name: string;
  value: string;
}

/**
 * Every pattern's matches in `text`, empty ones dropped, overlaps resolved: the longest match
 * wins, and on equal length the alphabetically first pattern name. In position order.
 */
export function findMatches(text: string, config: TemplateConfig): TemplateMatch[] {
  const candidates: TemplateMatch[] = [];
  for (const [name, pattern] of config.patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0] === '') {
        pattern.lastIndex++;
        continue;
      }
      candidates.push({ start: m.index, end: m.index + m[0].length, name, value: m[0] });
    }
  }
  if (candidates.length <= 1) return candidates;
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.start - b.start));
  const kept: TemplateMatch[] = [];
  for (const c of candidates) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

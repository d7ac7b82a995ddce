/**
 * Markers are `{{name.N}}`: the N-th distinct value (from 0) of pattern `name`. Literal text that
 * looks like a marker is escaped with one more `!` (`{{!name.N}}`), so literal `{{…}}` in the data
 * survives; replay removes exactly one `!` in the same pass that substitutes markers, so nothing is
 * unescaped that was not escaped, and substituted values are never re-read.
 */
const LOOKALIKE = /\{\{(!*)([A-Za-z_][A-Za-z0-9_]*\.\d+\}\})/g;
const MARKER_OR_ESCAPE = /\{\{(!*)([A-Za-z_][A-Za-z0-9_]*)\.(\d+)\}\}/g;

export function marker(name: string, index: number): string {
  return `{{${name}.${index}}}`;
}

export function escapeLiteral(text: string): string {
  return text.includes('{{') ? text.replace(LOOKALIKE, '{{!$1$2') : text;
}

/** Substitutes markers with `values` and unescapes escaped look-alikes, in one pass. */
export function renderText(text: string, values: ReadonlyMap<string, readonly string[]>): string {
  if (!text.includes('{{')) return text;
  return text.replace(MARKER_OR_ESCAPE, (whole, bangs: string, name: string, index: string) => {
    if (bangs) return `{{${bangs.slice(1)}${name}.${index}}}`;
    const value = values.get(name)?.[Number(index)];
    return value ?? whole;
  });
}

/** The markers a text contains, as `name.N`. */
export function markersIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(MARKER_OR_ESCAPE)) if (!m[1]) out.push(`${m[2]}.${m[3]}`);
  return out;
}

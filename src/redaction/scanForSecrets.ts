import type { SecretFinding } from '../errors/SecretLeakError';
import { previewSecret, SECRET_SHAPES } from './secretShapes';

export interface ScanRules {
  /** Shapes to look for: the built-ins plus the user's. */
  shapes: Readonly<Record<string, RegExp>>;
  /** Values (or patterns) that are known not to be secrets. */
  allow: readonly (string | RegExp)[];
}

export const DEFAULT_SCAN_RULES: ScanRules = { shapes: SECRET_SHAPES, allow: [] };

function allowed(value: string, rules: ScanRules): boolean {
  return rules.allow.some((a) => (typeof a === 'string' ? a === value : a.test(value)));
}

/** Findings in one string. */
export function scanText(text: string, rules: ScanRules = DEFAULT_SCAN_RULES): { kind: string; value: string; index: number }[] {
  const out: { kind: string; value: string; index: number }[] = [];
  const seen = new Set<number>();
  for (const [kind, pattern] of Object.entries(rules.shapes)) {
    const re = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      if (seen.has(m.index) || allowed(m[0], rules)) continue;
      seen.add(m.index);
      out.push({ kind, value: m[0], index: m.index });
    }
  }
  return out;
}

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** A key for a finding's path, with any credential in it replaced by its kind. */
function safeKey(key: string, rules: ScanRules): string {
  let out = key;
  for (const hit of scanText(key, rules)) out = out.split(hit.value).join(`<${hit.kind}>`);
  return out;
}

/** Walks a value and reports every credential shape in its strings and keys, with its path. */
export function scanValue(value: unknown, path: string, interaction: number, rules: ScanRules = DEFAULT_SCAN_RULES, out: SecretFinding[] = []): SecretFinding[] {
  if (typeof value === 'string') {
    for (const hit of scanText(value, rules)) out.push({ kind: hit.kind, interaction, field: path, preview: previewSecret(hit.value) });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => scanValue(v, childPath(path, i), interaction, rules, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const child = childPath(path, safeKey(key, rules));
      for (const hit of scanText(key, rules)) out.push({ kind: hit.kind, interaction, field: `${child} (key)`, preview: previewSecret(hit.value) });
      scanValue(v, child, interaction, rules, out);
    }
  }
  return out;
}

/** Findings in a blob body: its bytes are scanned as text. */
function blobText(base64: string): string {
  return Buffer.from(base64, 'base64').toString('latin1');
}

/** Scans interactions (as stored), naming each finding's interaction and field. */
export function scanInteractions(interactions: readonly unknown[], rules: ScanRules = DEFAULT_SCAN_RULES, offset = 0): SecretFinding[] {
  const out: SecretFinding[] = [];
  interactions.forEach((interaction, i) => {
    scanValue(interaction, '', offset + i, rules, out);
    // URLs and form bodies are stored percent-encoded: scan their decoded form too.
    const request = (interaction as { request?: { uri?: unknown; query_string?: unknown; body?: unknown } })?.request;
    for (const field of ['uri', 'query_string', 'body'] as const) {
      const raw = request?.[field];
      if (typeof raw !== 'string' || !raw.includes('%') && !raw.includes('+')) continue;
      let decoded: string;
      try {
        decoded = decodeURIComponent(raw.replace(/\+/g, ' '));
      } catch {
        continue;
      }
      const known = new Set(scanText(raw, rules).map((h) => h.value));
      for (const hit of scanText(decoded, rules)) {
        if (!known.has(hit.value)) out.push({ kind: hit.kind, interaction: offset + i, field: `request.${field} (decoded)`, preview: previewSecret(hit.value) });
      }
    }
    for (const side of ['request', 'response'] as const) {
      const blob = (interaction as Record<string, { body_blob?: unknown }>)?.[side]?.body_blob;
      if (typeof blob === 'string') {
        for (const hit of scanText(blobText(blob), rules)) out.push({ kind: hit.kind, interaction: offset + i, field: `${side}.body_blob (decoded)`, preview: previewSecret(hit.value) });
      }
    }
  });
  for (const f of out) f.field = f.field.replace(/^\./, '');
  return out;
}

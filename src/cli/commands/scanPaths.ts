import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseCassette } from '../../cassette/parseCassette';
import { DEFAULT_SCAN_RULES, scanInteractions, scanText } from '../../redaction/scanForSecrets';
import { previewSecret } from '../../redaction/secretShapes';

export interface FileFinding {
  file: string;
  /** 1-based interaction number, for cassette files. */
  interaction?: number;
  /** The field inside the interaction, or `line N` for other files. */
  field: string;
  kind: string;
  preview: string;
}

const SKIP_DIRS = new Set(['node_modules', '.git']);

/** The `.json` files under the given files and folders (folders recursively). */
export function listJsonFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const visit = (p: string) => {
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (SKIP_DIRS.has(name)) continue;
        const child = path.join(p, name);
        if (statSync(child).isDirectory() || name.endsWith('.json')) visit(child);
      }
    } else {
      out.push(p);
    }
  };
  for (const p of paths) visit(p);
  return out;
}

/** Scans files with the write guard's rules: cassettes per interaction and field, others per line. */
export function scanFiles(files: readonly string[]): FileFinding[] {
  const findings: FileFinding[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    let interactions: unknown[] | undefined;
    try {
      interactions = parseCassette(text, file).interactions;
    } catch {
      interactions = undefined;
    }
    if (interactions) {
      for (const f of scanInteractions(interactions, DEFAULT_SCAN_RULES)) {
        findings.push({ file, interaction: f.interaction + 1, field: f.field, kind: f.kind, preview: f.preview });
      }
    } else {
      for (const hit of scanText(text, DEFAULT_SCAN_RULES)) {
        const line = text.slice(0, hit.index).split('\n').length;
        findings.push({ file, field: `line ${line}`, kind: hit.kind, preview: previewSecret(hit.value) });
      }
    }
  }
  return findings;
}

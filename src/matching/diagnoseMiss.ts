import type { StoredRequest } from '../cassette/types';
import type { ResolvedMatchers } from '../options/resolveOptions';
import type { IndexEntry } from './InteractionIndex';
import { ABSENT, jsonDiff } from './jsonDiff';
import { comparedHeaders, normalizeFor, queryPairs } from './requestSignature';

/** One reason why the closest interaction did not match. */
export interface MissDifference {
  /** The matcher that failed: `method`, `uri`, `query`, `body`, `headers` or `custom`. */
  matcher: string;
  /** Where inside the field, e.g. `$.max_tokens` for a JSON body or a query parameter name. */
  path?: string;
  /** Shortened recorded value, or `(absent)`. */
  recorded: string;
  /** Shortened value in the request, or `(absent)`. */
  incoming: string;
}

export interface ClosestInteraction {
  /** 0-based position in the cassette. */
  position: number;
  method: string;
  uri: string;
  recordedAt: string;
  used: boolean;
  differences: MissDifference[];
}

const MAX_VALUE = 80;

export function shorten(value: unknown): string {
  if (value === ABSENT || value === undefined) return '(absent)';
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function bodyValue(r: StoredRequest): unknown {
  if (r.body_type === 'json') return r.body_json;
  if (r.body_type === 'blob') return `(binary, ${Buffer.from(r.body_blob ?? '', 'base64').byteLength} bytes)`;
  return r.body ?? '';
}

function describeBody(recorded: StoredRequest, incoming: StoredRequest): MissDifference[] {
  if (recorded.body_type === 'json' && incoming.body_type === 'json') {
    return jsonDiff(recorded.body_json, incoming.body_json).map((d) => ({
      matcher: 'body',
      path: d.path,
      recorded: shorten(d.recorded),
      incoming: shorten(d.incoming),
    }));
  }
  if (recorded.body_type !== incoming.body_type) {
    return [{ matcher: 'body', path: 'body_type', recorded: recorded.body_type, incoming: incoming.body_type }];
  }
  const a = String(bodyValue(recorded));
  const b = String(bodyValue(incoming));
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 20);
  return [{ matcher: 'body', path: `character ${i}`, recorded: shorten(a.slice(from, from + 60)), incoming: shorten(b.slice(from, from + 60)) }];
}

function describePairs(matcher: string, a: [string, string | string[]][], b: [string, string | string[]][]): MissDifference[] {
  const group = (pairs: [string, string | string[]][]) => {
    const m = new Map<string, unknown[]>();
    for (const [k, v] of pairs) (m.get(k) ?? m.set(k, []).get(k)!).push(v);
    return m;
  };
  const ga = group(a);
  const gb = group(b);
  const out: MissDifference[] = [];
  for (const key of [...new Set([...ga.keys(), ...gb.keys()])].sort()) {
    const va = ga.get(key);
    const vb = gb.get(key);
    if (JSON.stringify(va) === JSON.stringify(vb)) continue;
    const one = (v: unknown[] | undefined) => (v === undefined ? ABSENT : v.length === 1 ? v[0] : v);
    out.push({ matcher, path: key, recorded: shorten(one(va)), incoming: shorten(one(vb)) });
  }
  return out;
}

/** What differs between a recorded request and an incoming one, per failing matcher. */
export function differencesOf(recorded: StoredRequest, incoming: StoredRequest, matchers: ResolvedMatchers): MissDifference[] {
  const out: MissDifference[] = [];
  for (const m of matchers.builtins) {
    if (normalizeFor(m, recorded, matchers.headerNames) === normalizeFor(m, incoming, matchers.headerNames)) continue;
    switch (m) {
      case 'method':
        out.push({ matcher: 'method', recorded: recorded.method, incoming: incoming.method });
        break;
      case 'uri':
        out.push({ matcher: 'uri', recorded: shorten(recorded.uri), incoming: shorten(incoming.uri) });
        break;
      case 'query':
        out.push(...describePairs('query', queryPairs(recorded), queryPairs(incoming)));
        break;
      case 'body':
        out.push(...describeBody(recorded, incoming));
        break;
      case 'headers':
        out.push(...describePairs('headers', comparedHeaders(recorded, matchers.headerNames), comparedHeaders(incoming, matchers.headerNames)));
        break;
    }
  }
  matchers.custom.forEach((fn, i) => {
    if (!fn(incoming, recorded)) out.push({ matcher: matchers.describe.filter((d) => d.startsWith('custom'))[i] ?? 'custom', recorded: '(rejected)', incoming: '' });
  });
  return out;
}

const WEIGHT: Record<string, number> = { method: 100, uri: 100, query: 10, headers: 5, body: 1 };

/**
 * The recorded interaction closest to `incoming`: fewest failing matchers, where a different method
 * or URI weighs most. `only` restricts the search (sequential matching checks one position).
 */
export function findClosest(entries: readonly IndexEntry[], incoming: StoredRequest, matchers: ResolvedMatchers): ClosestInteraction | undefined {
  let best: { entry: IndexEntry; differences: MissDifference[]; score: number } | undefined;
  for (const entry of entries) {
    const differences = differencesOf(entry.interaction.request, incoming, matchers);
    const failing = new Set(differences.map((d) => d.matcher));
    let score = 0;
    for (const f of failing) score += WEIGHT[f] ?? 3;
    if (!best || score < best.score) best = { entry, differences, score };
    if (score === 0) break;
  }
  if (!best) return undefined;
  const r = best.entry.interaction.request;
  return {
    position: best.entry.position,
    method: r.method,
    uri: r.query_string ? `${r.uri}?${r.query_string}` : r.uri,
    recordedAt: best.entry.interaction.recorded_at,
    used: best.entry.used,
    differences: best.differences,
  };
}

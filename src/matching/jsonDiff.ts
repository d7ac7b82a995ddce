export interface JsonDifference {
  /** JSONPath-like location, e.g. `$.messages[0].content`. */
  path: string;
  recorded: unknown;
  incoming: unknown;
}

/** Sentinel for "no value at this path". */
export const ABSENT = Symbol('absent');

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** The places where two JSON values differ (object key order ignored), at most `limit` of them. */
export function jsonDiff(recorded: unknown, incoming: unknown, limit = 5, path = '$', out: JsonDifference[] = []): JsonDifference[] {
  if (out.length >= limit) return out;
  const bothArrays = Array.isArray(recorded) && Array.isArray(incoming);
  const bothObjects =
    !bothArrays &&
    recorded !== null && incoming !== null &&
    typeof recorded === 'object' && typeof incoming === 'object' &&
    !Array.isArray(recorded) && !Array.isArray(incoming);
  if (bothArrays) {
    const a = recorded as unknown[];
    const b = incoming as unknown[];
    for (let i = 0; i < Math.max(a.length, b.length) && out.length < limit; i++) {
      jsonDiff(i < a.length ? a[i] : ABSENT, i < b.length ? b[i] : ABSENT, limit, childPath(path, i), out);
    }
    return out;
  }
  if (bothObjects) {
    const a = recorded as Record<string, unknown>;
    const b = incoming as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      if (out.length >= limit) break;
      jsonDiff(Object.hasOwn(a, key) ? a[key] : ABSENT, Object.hasOwn(b, key) ? b[key] : ABSENT, limit, childPath(path, key), out);
    }
    return out;
  }
  if (recorded === incoming) return out;
  if (recorded !== ABSENT && incoming !== ABSENT && JSON.stringify(recorded) === JSON.stringify(incoming)) return out;
  out.push({ path, recorded, incoming });
  return out;
}

/** JSON helpers: lossless parsing, canonical form for matching, sorted form for storage. */

const MAYBE_LOSSY = /\d{16}|\d[eE][+-]?\d{3}/;

/** True when every number literal in `text` survives a parse/stringify round trip. */
function numbersSurvive(text: string): boolean {
  if (!MAYBE_LOSSY.test(text)) return true;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) {
      inString = true;
      continue;
    }
    if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      let j = i + 1;
      while (j < text.length && /[0-9eE+\-.]/.test(text[j]!)) j++;
      const literal = text.slice(i, j);
      i = j - 1;
      const n = Number(literal);
      if (!Number.isFinite(n)) return false;
      if (/^-?\d+$/.test(literal)) {
        if (!Number.isSafeInteger(n) && BigInt(literal) !== BigInt(n)) return false;
      } else {
        const digits = literal.replace(/[eE].*$/, '').replace(/[-.]/g, '').replace(/^0+/, '');
        if (digits.length > 17) return false;
      }
    }
  }
  return true;
}

/** Parses JSON only if the value can be written back without losing information. */
export function parseJsonLossless(text: string): { ok: true; value: unknown } | { ok: false } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  return numbersSurvive(text) ? { ok: true, value } : { ok: false };
}

function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty keeps a literal "__proto__" key as data instead of changing the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy with object keys sorted (arrays keep their order): the stable stored form. */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) setKey(out, key, sortKeysDeep((value as Record<string, unknown>)[key]));
    return out;
  }
  return value;
}

/** True when every object in the value has its keys in sorted order (as cassettes are written). */
function keysSorted(value: unknown): boolean {
  if (Array.isArray(value)) {
    for (const v of value) if (v !== null && typeof v === 'object' && !keysSorted(v)) return false;
    return true;
  }
  if (value !== null && typeof value === 'object') {
    let previous: string | undefined;
    const obj = value as Record<string, unknown>;
    for (const key in obj) {
      if (previous !== undefined && key < previous) return false;
      previous = key;
      const v = obj[key];
      if (v !== null && typeof v === 'object' && !keysSorted(v)) return false;
    }
  }
  return true;
}

/**
 * A string that is equal for two JSON values exactly when they are equal ignoring key order.
 * Values whose keys are already sorted (every stored body) take the native `JSON.stringify` path.
 */
export function canonicalJson(value: unknown): string {
  return keysSorted(value) ? (JSON.stringify(value) ?? 'null') : sortedJson(value);
}

function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).sort();
    let out = '{';
    for (let i = 0; i < keys.length; i++) {
      if (i > 0) out += ',';
      out += `${JSON.stringify(keys[i])}:${sortedJson(obj[keys[i]!])}`;
    }
    return `${out}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

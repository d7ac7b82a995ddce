import type { StoredHeaders } from '../cassette/types';

/** Lower-cased header map from any `HeadersInit`. Repeated names keep every value. */
function add(out: StoredHeaders, name: string, value: string): void {
  const key = name.toLowerCase();
  (out[key] ??= []).push(String(value));
}

export function headersToStored(init: HeadersInit | undefined | null): StoredHeaders {
  const out: StoredHeaders = {};
  if (!init) return out;
  if (init instanceof Headers) {
    init.forEach((value, name) => {
      if (name === 'set-cookie') return;
      add(out, name, value);
    });
    for (const cookie of init.getSetCookie()) add(out, 'set-cookie', cookie);
  } else if (Array.isArray(init) || Symbol.iterator in init) {
    for (const [name, value] of init as Iterable<[string, string]>) add(out, name, value);
  } else {
    const record = init as Record<string, string | string[] | undefined>;
    for (const name in record) {
      const value = record[name];
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const v of value) add(out, name, v);
      else add(out, name, value);
    }
  }
  return out;
}

/** Header pairs for `new Headers(...)`/`new Response(...)`, leaving out the names in `omit`. */
export function storedToHeaderPairs(headers: StoredHeaders, omit?: ReadonlySet<string>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const name of Object.keys(headers)) {
    if (omit?.has(name)) continue;
    for (const value of headers[name]!) pairs.push([name, value]);
  }
  return pairs;
}

/** A copy with names sorted, for stable files. */
export function sortHeaders(headers: StoredHeaders): StoredHeaders {
  const out: StoredHeaders = {};
  for (const name of Object.keys(headers).sort()) out[name] = [...headers[name]!];
  return out;
}

export function firstHeader(headers: StoredHeaders, name: string): string | undefined {
  return headers[name]?.[0];
}

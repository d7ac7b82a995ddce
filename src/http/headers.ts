import type { StoredHeaders } from '../cassette/types';

/** Lower-cased header map from any `HeadersInit`. Repeated names keep every value. */
export function headersToStored(init: HeadersInit | undefined | null): StoredHeaders {
  const out: StoredHeaders = {};
  if (!init) return out;
  const add = (name: string, value: string) => {
    const key = name.toLowerCase();
    (out[key] ??= []).push(String(value));
  };
  if (init instanceof Headers) {
    init.forEach((value, name) => {
      if (name === 'set-cookie') return;
      add(name, value);
    });
    for (const cookie of init.getSetCookie()) add('set-cookie', cookie);
  } else if (Array.isArray(init) || Symbol.iterator in init) {
    for (const [name, value] of init as Iterable<[string, string]>) add(name, value);
  } else {
    for (const [name, value] of Object.entries(init as Record<string, string | string[] | undefined>)) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const v of value) add(name, v);
      else add(name, value);
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

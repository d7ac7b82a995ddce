import { REDACTED } from './builtinSecrets';

function decodeKey(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

/** Replaces the values of the named (case-insensitive) parameters with {@link REDACTED}, keeping the rest byte for byte. */
export function redactQuery(query: string, secretParams: ReadonlySet<string>): string {
  if (query === '') return query;
  return query
    .split('&')
    .map((segment) => {
      const eq = segment.indexOf('=');
      const rawKey = eq === -1 ? segment : segment.slice(0, eq);
      if (eq === -1 || !secretParams.has(decodeKey(rawKey))) return segment;
      return `${rawKey}=${REDACTED}`;
    })
    .join('&');
}

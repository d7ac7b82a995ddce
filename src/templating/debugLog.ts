/**
 * A `DEBUG`-style logger: enabled when the `DEBUG` environment variable lists the namespace
 * (comma- or space-separated, `*` as a wildcard, `-name` to exclude), e.g. `DEBUG=fetch-cassette:*`.
 */
export function debugLog(namespace: string, env: NodeJS.ProcessEnv = process.env): ((message: string) => void) | undefined {
  const spec = env.DEBUG;
  if (!spec) return undefined;
  const test = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(namespace);
  let enabled = false;
  for (const part of spec.split(/[\s,]+/).filter(Boolean)) {
    if (part.startsWith('-')) {
      if (test(part.slice(1))) return undefined;
    } else if (test(part)) {
      enabled = true;
    }
  }
  if (!enabled) return undefined;
  return (message) => process.stderr.write(`${namespace} ${message.replace(/\n/g, `\n${' '.repeat(namespace.length + 1)}`)}\n`);
}

/**
 * Credential shapes the write guard and `cassette scan` look for. Each pattern is global and
 * matches the credential itself. Documented in docs/filtering.md.
 */
export const SECRET_SHAPES: Readonly<Record<string, RegExp>> = {
  'anthropic-key': /sk-ant-(?:api|admin|oat)\d{2}-[A-Za-z0-9_-]{20,}/g,
  'openai-key': /sk-(?!ant-)(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,}/g,
  'google-api-key': /AIza[0-9A-Za-z_-]{35}/g,
  'aws-access-key-id': /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  'github-token': /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/g,
  'slack-token': /\bxox[abposr]-[A-Za-z0-9-]{10,}/g,
  'stripe-live-key': /\b[rs]k_live_[A-Za-z0-9]{20,}/g,
  'bearer-token': /\bBearer\s+(?!REDACTED\b)[A-Za-z0-9._~+/-]{20,}=*/gi,
  'private-key': /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/g,
};

/** A short, safe preview of a finding: its first characters and its length, never the whole. */
export function previewSecret(value: string): string {
  const head = value.slice(0, Math.min(8, Math.floor(value.length / 3)));
  return `${head}… (${value.length} chars)`;
}

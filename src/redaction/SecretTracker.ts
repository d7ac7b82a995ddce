import { REDACTED } from './builtinSecrets';

const MIN_LENGTH = 8;

/** Environment variables whose values are credentials: scrubbed wherever they appear. */
export const SECRET_ENV_VARS = [
  'OPENAI_API_KEY',
  'ANTHROPIC_API_KEY',
  'ANTHROPIC_AUTH_TOKEN',
  'GOOGLE_API_KEY',
  'GEMINI_API_KEY',
  'GOOGLE_GENERATIVE_AI_API_KEY',
  'AZURE_OPENAI_API_KEY',
  'AZURE_API_KEY',
  'MISTRAL_API_KEY',
  'GROQ_API_KEY',
  'COHERE_API_KEY',
  'XAI_API_KEY',
  'OPENROUTER_API_KEY',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'GITHUB_TOKEN',
  'HF_TOKEN',
];

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Remembers every credential value redacted in a run (header values, query values, URL
 * passwords, credential env vars) and replaces it wherever else it appears: bodies, URLs, error
 * echoes, stream events (which are assembled before scrubbing, so a value split across network
 * chunks is caught).
 */
export class SecretTracker {
  private readonly values = new Set<string>();
  private pattern: RegExp | undefined;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    for (const name of SECRET_ENV_VARS) {
      const value = env[name];
      if (value) this.add(value);
    }
  }

  get size(): number {
    return this.values.size;
  }

  /** Tracks a credential value, and the token of an `Authorization` scheme, and Basic's parts. */
  add(value: string): void {
    const v = value.trim();
    if (v.length < MIN_LENGTH || v === REDACTED) return;
    const scheme = /^(Bearer|Basic|Token|Bot|Digest)\s+(.+)$/i.exec(v);
    if (scheme) {
      this.add(scheme[2]!);
      if (scheme[1]!.toLowerCase() === 'basic') {
        const decoded = Buffer.from(scheme[2]!, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon > 0) {
          this.add(decoded);
          this.add(decoded.slice(colon + 1));
        }
      }
    }
    // The value as it appears in URLs and form bodies too.
    for (const form of [v, encodeURIComponent(v), new URLSearchParams({ v }).toString().slice(2)]) {
      if (!this.values.has(form)) {
        this.values.add(form);
        this.pattern = undefined;
      }
    }
  }

  private regex(): RegExp | undefined {
    if (this.values.size === 0) return undefined;
    // Longest first, so a value that contains another is replaced whole.
    this.pattern ??= new RegExp([...this.values].sort((a, b) => b.length - a.length).map(escape).join('|'), 'g');
    return this.pattern;
  }

  /** True when `text` contains a tracked value. */
  appearsIn(text: string): boolean {
    const re = this.regex();
    if (!re) return false;
    re.lastIndex = 0;
    return re.test(text);
  }

  scrubText(text: string): string {
    const re = this.regex();
    if (!re) return text;
    re.lastIndex = 0;
    return re.test(text) ? text.replace(re, REDACTED) : text;
  }

  /** A copy of `value` with every tracked value replaced in its strings and object keys. */
  scrub<T>(value: T): T {
    if (this.values.size === 0) return value;
    return this.walk(value) as T;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.scrubText(value);
    if (Array.isArray(value)) return value.map((v) => this.walk(v));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        Object.defineProperty(out, this.scrubText(key), { value: this.walk(v), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return value;
  }
}

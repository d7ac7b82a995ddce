import { CassetteError } from './CassetteError';

export interface SecretFinding {
  /** Name of the credential shape that matched, e.g. `openai-key`. */
  kind: string;
  /** 0-based interaction index, or -1 when outside the interactions. */
  interaction: number;
  /** Where in the interaction, e.g. `request.headers.x-api-key` or `response.body_json.error.message`. */
  field: string;
  /** A short prefix of the finding, never the whole secret. */
  preview: string;
}

/** A credential-shaped value was about to be written to disk. Nothing was written. */
export class SecretLeakError extends CassetteError {
  readonly cassettePath: string;
  readonly findings: SecretFinding[];

  constructor(cassettePath: string, findings: SecretFinding[]) {
    const lines = findings
      .slice(0, 10)
      .map((f) => `  - ${f.kind} in interaction #${f.interaction + 1}, ${f.field}: ${f.preview}`);
    if (findings.length > 10) lines.push(`  … and ${findings.length - 10} more`);
    super(
      [
        `fetch-cassette: refusing to write ${cassettePath}: it would contain credentials`,
        ...lines,
        '',
        'Nothing was written. Redact the value with filterSensitiveData, filterRequestHeaders,',
        'filterResponseHeaders or a filterRequest/filterResponse hook, then record again.',
      ].join('\n'),
      'ERR_CASSETTE_SECRET_LEAK',
    );
    this.name = 'SecretLeakError';
    this.cassettePath = cassettePath;
    this.findings = findings;
  }
}

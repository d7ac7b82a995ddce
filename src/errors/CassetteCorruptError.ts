import { CassetteError } from './CassetteError';

/** The cassette file exists but cannot be read as a cassette. It is never overwritten. */
export class CassetteCorruptError extends CassetteError {
  readonly cassettePath: string;
  /** 1-based line and column of the parse failure, when known. */
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(cassettePath: string, detail: string, position?: { line: number; column: number }, cause?: unknown) {
    const where = position ? `:${position.line}:${position.column}` : '';
    super(
      [
        `fetch-cassette: cassette file is corrupt: ${cassettePath}${where}`,
        `  ${detail}`,
        '',
        'The file was left untouched. Fix it by hand (it is JSON), restore it from git',
        '(git checkout -- <file>), or delete it to record a new one.',
      ].join('\n'),
      'ERR_CASSETTE_CORRUPT',
      { cause },
    );
    this.name = 'CassetteCorruptError';
    this.cassettePath = cassettePath;
    this.line = position?.line;
    this.column = position?.column;
  }
}

import { CassetteError } from './CassetteError';

/** `replay` mode, and the cassette file does not exist. */
export class CassetteNotFoundError extends CassetteError {
  readonly cassettePath: string;

  constructor(cassettePath: string, mode: string) {
    super(
      [
        `fetch-cassette: cassette not found: ${cassettePath}`,
        '',
        `Mode is '${mode}', which only replays recorded interactions and never calls the network.`,
        'To record it, run once with CASSETTE_MODE=record (or the option mode: \'record\').',
      ].join('\n'),
      'ERR_CASSETTE_NOT_FOUND',
    );
    this.name = 'CassetteNotFoundError';
    this.cassettePath = cassettePath;
  }
}

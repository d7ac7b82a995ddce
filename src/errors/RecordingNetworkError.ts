import { CassetteError } from './CassetteError';

/** The live call made while recording (or in bypass mode) failed before a response arrived. */
export class RecordingNetworkError extends CassetteError {
  readonly url: string;

  constructor(method: string, url: string, mode: string, cause: unknown) {
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    const inner = cause instanceof Error && cause.cause instanceof Error ? ` (${cause.cause.message})` : '';
    super(
      [
        `fetch-cassette: network request failed while in mode '${mode}': ${method} ${url}`,
        `  ${reason}${inner}`,
        '',
        'Nothing was recorded. Check that the server is reachable, or replay existing',
        'cassettes without the network with CASSETTE_MODE=replay.',
      ].join('\n'),
      'ERR_CASSETTE_NETWORK',
      { cause },
    );
    this.name = 'RecordingNetworkError';
    this.url = url;
  }
}

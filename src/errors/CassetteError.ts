/** Stable error codes, one per error class. Match on `error.code`, not on the message. */
export type CassetteErrorCode =
  | 'ERR_CASSETTE'
  | 'ERR_CASSETTE_NOT_FOUND'
  | 'ERR_CASSETTE_NO_MATCH'
  | 'ERR_CASSETTE_CORRUPT'
  | 'ERR_CASSETTE_SECRET_LEAK'
  | 'ERR_CASSETTE_NETWORK'
  | 'ERR_CASSETTE_INVALID_OPTION'
  | 'ERR_CASSETTE_UNUSED_INTERACTIONS'
  | 'ERR_CASSETTE_LOCK_TIMEOUT';

/** Base class of every error fetch-cassette throws. */
export class CassetteError extends Error {
  readonly code: CassetteErrorCode;

  constructor(message: string, code: CassetteErrorCode = 'ERR_CASSETTE', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CassetteError';
    this.code = code;
  }
}

import { CassetteError } from './CassetteError';

/** An option (or the cassette name) has an invalid value. Thrown at creation, before any request. */
export class InvalidOptionError extends CassetteError {
  readonly option: string;

  constructor(option: string, problem: string) {
    super(`fetch-cassette: invalid option '${option}': ${problem}`, 'ERR_CASSETTE_INVALID_OPTION');
    this.name = 'InvalidOptionError';
    this.option = option;
  }
}

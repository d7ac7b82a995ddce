import type { CassetteOptions } from '../options/CassetteOptions';
import { Cassette } from './Cassette';

/**
 * Opens the cassette `<cassetteDir>/<name>.json`. Pass `cassette.fetch` to your client, and call
 * `await cassette.close()` when done (or use `withCassette`, which closes for you).
 * Throws `InvalidOptionError` for bad options or names and `CassetteCorruptError` for a file that
 * does not parse.
 */
export function createCassette(name: string, options?: CassetteOptions): Cassette {
  return new Cassette(name, options);
}

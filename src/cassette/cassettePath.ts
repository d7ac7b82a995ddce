import path from 'node:path';
import { InvalidOptionError } from '../errors/InvalidOptionError';

// Characters that are unsafe or illegal in file names on common platforms.
const FORBIDDEN = /[\u0000-\u001f<>:"|?*\\]/;

/**
 * Resolves `<cassetteDir>/<name>.json` to an absolute path. A name may contain `/` to use
 * sub-folders, but may not be absolute, contain `..` segments or characters illegal in file names.
 */
export function cassettePath(name: unknown, cassetteDir: string, cwd: string = process.cwd()): string {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new InvalidOptionError('name', `the cassette name must be a non-empty string, got ${JSON.stringify(name)}`);
  }
  if (path.isAbsolute(name) || name.startsWith('/')) {
    throw new InvalidOptionError('name', `'${name}' is absolute; a cassette name is relative to cassetteDir`);
  }
  const segments = name.split('/');
  if (segments.some((s) => s === '..' || s === '.' || s === '')) {
    throw new InvalidOptionError('name', `'${name}' has an empty, '.' or '..' path segment; names cannot leave cassetteDir`);
  }
  const bad = FORBIDDEN.exec(name);
  if (bad) {
    throw new InvalidOptionError(
      'name',
      `'${name}' contains ${JSON.stringify(bad[0])}, which is not allowed in a file name; use letters, digits, spaces, '-', '_', '.' or '/'`,
    );
  }
  const dir = path.resolve(cwd, cassetteDir);
  const file = path.resolve(dir, name.endsWith('.json') ? name : `${name}.json`);
  const relative = path.relative(dir, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new InvalidOptionError('name', `'${name}' resolves outside cassetteDir (${dir})`);
  }
  return file;
}

import path from 'node:path';

/**
 * A cassette name for a test: `<test file name>/<describe blocks> <test name>`, with characters
 * that are not safe in file names replaced by `_` (so `test.each` titles stay distinct).
 */
export function cassetteNameForTest(testPath: string | undefined, fullName: string): string {
  const file = testPath ? path.basename(testPath).replace(/\.(test|spec)\.[cm]?[jt]sx?$/, '') : 'tests';
  const clean = (s: string) =>
    s
      .replace(/[\u0000-\u001f<>:"|?*\\/]/g, '_')
      .replace(/\.\.+/g, '_')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 150) || 'unnamed';
  return `${clean(file)}/${clean(fullName.replace(/ > /g, ' '))}`;
}

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Writes `content` to a temporary file in the same folder, then renames it over `file`: a process
 * that crashes or is killed at any moment leaves either the old or the new file, never a torn
 * one. Set `FETCH_CASSETTE_FSYNC=1` to also flush the file to the disk before the rename (safety
 * against power loss, at a few milliseconds per write).
 */
export async function atomicWriteFile(file: string, content: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await fs.open(tmp, 'w', 0o644);
  try {
    await handle.writeFile(content, 'utf8');
    if (process.env.FETCH_CASSETTE_FSYNC === '1') await handle.datasync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
}

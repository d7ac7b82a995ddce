import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync, promises as fs } from 'node:fs';
import path from 'node:path';

const knownDirs = new Set<string>();

/** Creates a folder (and its parents) once per process. */
export function ensureDir(dir: string): void {
  if (knownDirs.has(dir)) return;
  mkdirSync(dir, { recursive: true });
  knownDirs.add(dir);
}

/**
 * Writes `content` to a temporary file in the same folder, then renames it over `file`: a process
 * that crashes or is killed at any moment leaves either the old or the new file, never a torn
 * one. Set `FETCH_CASSETTE_FSYNC=1` to also flush the file to the disk before the rename (safety
 * against power loss, at a few milliseconds per write).
 */
export async function atomicWriteFile(file: string, content: string): Promise<void> {
  ensureDir(path.dirname(file));
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  if (process.env.FETCH_CASSETTE_FSYNC === '1') {
    const handle = await fs.open(tmp, 'w', 0o644);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.datasync();
    } finally {
      await handle.close();
    }
  } else {
    // Synchronous: a small write is several times faster without the thread-pool round trips.
    writeFileSync(tmp, content, { encoding: 'utf8', mode: 0o644 });
  }
  try {
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

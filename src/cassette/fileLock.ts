import { rmSync, writeFileSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { CassetteError } from '../errors/CassetteError';
import { ensureDir } from './atomicWriteFile';

const STALE_MS = 30_000;
const inProcess = new Map<string, Promise<void>>();

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a lock whose owner died (or that is too old), else undefined. */
async function staleOwner(lockPath: string): Promise<number | undefined> {
  try {
    const [content, stat] = await Promise.all([fs.readFile(lockPath, 'utf8'), fs.stat(lockPath)]);
    const pid = Number.parseInt(content, 10);
    if (content.trim() !== '' && !alive(pid)) return pid;
    return Date.now() - stat.mtimeMs > STALE_MS ? pid : undefined;
  } catch {
    return undefined; // vanished or unreadable mid-check: retry the create
  }
}

/** Removes the temporary files a dead writer left beside `file` (see atomicWriteFile). */
async function removeOrphanedTemps(file: string, pid: number): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.${pid}.`;
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.startsWith(prefix) && n.endsWith('.tmp')).map((n) => fs.rm(path.join(dir, n), { force: true })));
}

async function acquireFileLock(lockPath: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  ensureDir(path.dirname(lockPath));
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const dead = await staleOwner(lockPath);
    if (dead !== undefined) {
      await fs.rm(lockPath, { force: true });
      await removeOrphanedTemps(lockPath.slice(0, -'.lock'.length), dead);
      continue;
    }
    if (Date.now() > deadline) {
      throw new CassetteError(
        `fetch-cassette: could not lock ${lockPath} within ${timeoutMs} ms. Another process is writing the cassette; if none is, delete the lock file.`,
        'ERR_CASSETTE_LOCK_TIMEOUT',
      );
    }
    await new Promise((r) => setTimeout(r, Math.min(50, 2 + attempt * 2) * (0.5 + Math.random())));
  }
}

/**
 * Runs `fn` while holding the lock of `file`: in-process callers queue on a promise chain, and
 * processes exclude each other with an exclusive `<file>.lock` (taken over when its owner died).
 */
export async function withFileLock<T>(file: string, fn: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const previous = inProcess.get(file) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  const chained = previous.then(() => mine);
  inProcess.set(file, chained);
  await previous;
  const lockPath = `${file}.lock`;
  try {
    await acquireFileLock(lockPath, timeoutMs);
    try {
      return await fn();
    } finally {
      rmSync(lockPath, { force: true });
    }
  } finally {
    release();
    if (inProcess.get(file) === chained) inProcess.delete(file);
  }
}

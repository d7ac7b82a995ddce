import { existsSync, readFileSync } from 'node:fs';
import type { CassetteMode } from '../options/CassetteOptions';
import { atomicWriteFile } from './atomicWriteFile';
import { withFileLock } from './fileLock';
import { parseCassette } from './parseCassette';
import { normalizeInteraction, serializeCassette } from './serializeCassette';
import type { CassetteFile, StoredInteraction } from './types';

/** Checks the interactions about to be written (at `offset` in the file); throws to block the write. */
export type WriteGuard = (interactions: readonly StoredInteraction[], offset: number, path: string) => void;

/**
 * The cassette file on disk and what this run adds to it. Writes are atomic and serialised by a
 * lock; each write re-reads the file and appends this run's new interactions, so several
 * processes recording into one cassette lose nothing. A file that does not parse is never written.
 */
export class CassetteStore {
  /** Interactions in the file when the cassette was opened. */
  readonly loaded: StoredInteraction[];
  /** Extra top-level keys of the file, kept on rewrite. */
  private readonly extra: Record<string, unknown>;
  exists: boolean;
  private pending: StoredInteraction[] = [];
  private chain: Promise<void> = Promise.resolve();
  /** In `rerecord`, the serialised interactions that this run replaces. */
  private readonly replaced: Set<string> | undefined;

  constructor(
    readonly path: string,
    mode: CassetteMode,
    private readonly guard?: WriteGuard,
  ) {
    this.exists = existsSync(path);
    const file = this.exists ? parseCassette(readFileSync(path, 'utf8'), path) : { version: '2.0' as const, interactions: [] };
    const { version: _v, interactions, ...extra } = file;
    this.loaded = interactions;
    this.extra = extra;
    this.replaced = mode === 'rerecord' ? new Set(interactions.map(key)) : undefined;
  }

  /** Queues an interaction and resolves once it is on disk. */
  add(interaction: StoredInteraction): Promise<void> {
    this.pending.push(interaction);
    return this.flush();
  }

  /** Resolves when everything queued so far is on disk (rejects if that write failed). */
  flush(): Promise<void> {
    const run = this.chain.then(() => this.writePending());
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async writePending(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    // A blocked or failed write rejects for the callers waiting on it; the batch is not retried
    // (a secret would only be blocked again).
    await withFileLock(this.path, async () => {
      let onDisk: CassetteFile | undefined;
      try {
        onDisk = parseCassette(readFileSync(this.path, 'utf8'), this.path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      const base = onDisk ?? { version: '2.0' as const, interactions: [], ...this.extra };
      const kept = this.replaced ? base.interactions.filter((i) => !this.replaced!.has(key(i))) : base.interactions;
      this.guard?.(batch, kept.length, this.path);
      const next: CassetteFile = { ...base, version: '2.0', interactions: [...kept, ...batch] };
      await atomicWriteFile(this.path, serializeCassette(next));
      this.exists = true;
    });
  }
}

function key(i: StoredInteraction): string {
  return JSON.stringify(normalizeInteraction(i));
}

import type { StoredInteraction, StoredRequest } from '../cassette/types';
import type { ResolvedMatchers } from '../options/resolveOptions';
import { isWildcardRequest, requestSignature } from './requestSignature';

export interface IndexEntry {
  interaction: StoredInteraction;
  /** 0-based position in the cassette. */
  position: number;
  signature: string;
  used: boolean;
  /** Recorded by this run (not loaded from the file). */
  recordedNow: boolean;
  /** Lazily built replay data (see replayResponse). */
  replayCache?: unknown;
}

interface Bucket {
  entries: IndexEntry[];
  /** Entries before this index are all used. */
  firstUnused: number;
}

/**
 * Finds the interaction for a request in time that does not grow with the cassette: requests are
 * bucketed by the signature of the built-in matchers; custom matchers only scan one bucket.
 * Among matching interactions the first one not yet used wins, else the first one (so a repeated
 * request replays, and recorded retries replay in order).
 */
export class InteractionIndex {
  readonly entries: IndexEntry[] = [];
  private readonly buckets = new Map<string, Bucket>();
  private readonly wildcards: IndexEntry[] = [];
  /** Next position for sequential matching. */
  cursor = 0;

  constructor(
    interactions: readonly StoredInteraction[],
    private readonly matchers: ResolvedMatchers,
  ) {
    for (const interaction of interactions) this.add(interaction, false);
  }

  get size(): number {
    return this.entries.length;
  }

  signatureOf(request: StoredRequest): string {
    return requestSignature(request, this.matchers);
  }

  add(interaction: StoredInteraction, recordedNow: boolean): IndexEntry {
    const entry: IndexEntry = {
      interaction,
      position: this.entries.length,
      signature: this.signatureOf(interaction.request),
      used: recordedNow,
      recordedNow,
    };
    this.entries.push(entry);
    if (isWildcardRequest(interaction.request)) {
      this.wildcards.push(entry);
    } else {
      let bucket = this.buckets.get(entry.signature);
      if (!bucket) this.buckets.set(entry.signature, (bucket = { entries: [], firstUnused: 0 }));
      bucket.entries.push(entry);
    }
    return entry;
  }

  /** True when the custom matchers accept `entry` for `incoming`. */
  customMatch(entry: IndexEntry, incoming: StoredRequest): boolean {
    for (const m of this.matchers.custom) if (!m(incoming, entry.interaction.request)) return false;
    return true;
  }

  /** Full match of one entry (used by sequential matching). */
  matches(entry: IndexEntry, incoming: StoredRequest, signature: string): boolean {
    if (!isWildcardRequest(entry.interaction.request) && entry.signature !== signature) return false;
    return this.customMatch(entry, incoming);
  }

  /** First-match lookup. Marks the returned entry used. */
  find(incoming: StoredRequest, signature = this.signatureOf(incoming)): IndexEntry | undefined {
    const bucket = this.buckets.get(signature);
    let found: IndexEntry | undefined;
    if (bucket) {
      if (this.matchers.custom.length === 0) {
        while (bucket.firstUnused < bucket.entries.length && bucket.entries[bucket.firstUnused]!.used) bucket.firstUnused++;
        found = bucket.entries[bucket.firstUnused] ?? bucket.entries[0];
      } else {
        let firstAny: IndexEntry | undefined;
        for (const e of bucket.entries) {
          if (!this.customMatch(e, incoming)) continue;
          firstAny ??= e;
          if (!e.used) {
            found = e;
            break;
          }
        }
        found ??= firstAny;
      }
    }
    if (!found) for (const e of this.wildcards) if (this.customMatch(e, incoming)) { found = e; break; }
    if (found) found.used = true;
    return found;
  }

  /** Entries loaded from the file that this run never replayed. */
  unused(): IndexEntry[] {
    return this.entries.filter((e) => !e.used && !e.recordedNow);
  }
}

import type { StoredInteraction, StoredRequest } from '../cassette/types';
import type { ResolvedMatchers } from '../options/resolveOptions';
import type { TemplateConfig } from '../templating/TemplateConfig';
import { type TemplateValues, templateRequest } from '../templating/templateInteraction';
import { interactionTemplate } from '../templating/storedTemplate';
import { isWildcardRequest, requestSignature } from './requestSignature';

export interface IndexEntry {
  interaction: StoredInteraction;
  /** 0-based position in the cassette. */
  position: number;
  signature: string;
  used: boolean;
  /** Recorded by this run (not loaded from the file). */
  recordedNow: boolean;
  /** The template settings of a templated interaction. */
  template?: TemplateConfig;
  /** Lazily built replay data (see replayResponse). */
  replayCache?: unknown;
}

/** A match: the entry, and for a templated one the values of this request. */
export interface Found {
  entry: IndexEntry;
  values?: TemplateValues;
}

interface Bucket {
  entries: IndexEntry[];
  /** Entries before this index are all used. */
  firstUnused: number;
}

/** Templated interactions that share template settings, bucketed by their templated signature. */
interface TemplateGroup {
  config: TemplateConfig;
  buckets: Map<string, Bucket>;
}

/**
 * Finds the interaction for a request in time that does not grow with the cassette: requests are
 * bucketed by the signature of the built-in matchers; custom matchers only scan one bucket.
 * Templated interactions are bucketed by the signature of their templated request, and a request
 * is templated once per group of settings to be looked up. Among matching interactions the first
 * one not yet used wins, else the first one (so a repeated request replays, and recorded retries
 * replay in order).
 */
export class InteractionIndex {
  readonly entries: IndexEntry[] = [];
  private readonly buckets = new Map<string, Bucket>();
  private readonly groups = new Map<string, TemplateGroup>();
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
    const template = interactionTemplate(interaction);
    const entry: IndexEntry = {
      interaction,
      position: this.entries.length,
      signature: this.signatureOf(interaction.request),
      used: recordedNow,
      recordedNow,
      ...(template ? { template } : {}),
    };
    this.entries.push(entry);
    if (isWildcardRequest(interaction.request)) {
      this.wildcards.push(entry);
      return entry;
    }
    let buckets = this.buckets;
    if (template) {
      let group = this.groups.get(template.key);
      if (!group) this.groups.set(template.key, (group = { config: template, buckets: new Map() }));
      buckets = group.buckets;
    }
    let bucket = buckets.get(entry.signature);
    if (!bucket) buckets.set(entry.signature, (bucket = { entries: [], firstUnused: 0 }));
    bucket.entries.push(entry);
    return entry;
  }

  /** True when the custom matchers accept `entry` for `incoming`. */
  private customMatch(entry: IndexEntry, incoming: StoredRequest): boolean {
    for (const m of this.matchers.custom) if (!m(incoming, entry.interaction.request)) return false;
    return true;
  }

  /** Full match of one entry (used by sequential matching). */
  matchAt(entry: IndexEntry, incoming: StoredRequest, signature: string): Found | undefined {
    if (isWildcardRequest(entry.interaction.request)) return this.customMatch(entry, incoming) ? { entry } : undefined;
    if (entry.template) {
      const { request, values } = templateRequest(incoming, entry.template);
      if (entry.signature !== this.signatureOf(request) || !this.customMatch(entry, request)) return undefined;
      return { entry, values };
    }
    if (entry.signature !== signature || !this.customMatch(entry, incoming)) return undefined;
    return { entry };
  }

  private pick(bucket: Bucket | undefined, incoming: StoredRequest): IndexEntry | undefined {
    if (!bucket) return undefined;
    if (this.matchers.custom.length === 0) {
      while (bucket.firstUnused < bucket.entries.length && bucket.entries[bucket.firstUnused]!.used) bucket.firstUnused++;
      return bucket.entries[bucket.firstUnused] ?? bucket.entries[0];
    }
    let firstAny: IndexEntry | undefined;
    for (const e of bucket.entries) {
      if (!this.customMatch(e, incoming)) continue;
      firstAny ??= e;
      if (!e.used) return e;
    }
    return firstAny;
  }

  /** First-match lookup. Marks the returned entry used. */
  find(incoming: StoredRequest, signature = this.signatureOf(incoming)): Found | undefined {
    let found: Found | undefined;
    const plain = this.pick(this.buckets.get(signature), incoming);
    if (plain) found = { entry: plain };
    if (!found) {
      for (const group of this.groups.values()) {
        const { request, values } = templateRequest(incoming, group.config);
        const entry = this.pick(group.buckets.get(this.signatureOf(request)), request);
        if (entry) {
          found = { entry, values };
          break;
        }
      }
    }
    if (!found) for (const e of this.wildcards) if (this.customMatch(e, incoming)) { found = { entry: e }; break; }
    if (found) found.entry.used = true;
    return found;
  }

  /** Entries loaded from the file that this run never replayed. */
  unused(): IndexEntry[] {
    return this.entries.filter((e) => !e.used && !e.recordedNow);
  }
}

import { CassetteError } from '../errors/CassetteError';
import { CassetteNotFoundError } from '../errors/CassetteNotFoundError';
import { NoMatchingInteractionError } from '../errors/NoMatchingInteractionError';
import { RecordingNetworkError } from '../errors/RecordingNetworkError';
import { readIncomingRequest, readPlainRequest } from '../http/readIncomingRequest';
import { findClosest } from '../matching/diagnoseMiss';
import { type Found, InteractionIndex } from '../matching/InteractionIndex';
import { debugLog } from '../templating/debugLog';
import { applyTemplate, sameValues } from '../templating/applyTemplate';
import { templateConfigOf } from '../templating/storedTemplate';
import type { TemplateConfig } from '../templating/TemplateConfig';
import { renderResponse, templateRequest } from '../templating/templateInteraction';
import type { CassetteMode, CassetteOptions } from '../options/CassetteOptions';
import { type ResolvedOptions, resolveOptions } from '../options/resolveOptions';
import { scanInteractions } from '../redaction/scanForSecrets';
import { SecretTracker } from '../redaction/SecretTracker';
import { SecretLeakError } from '../errors/SecretLeakError';
import { type CapturedBody, recordResponse } from '../engine/recordResponse';
import { abortReason, replayResponse } from '../engine/replayResponse';
import { scrubBlob, toStoredRequest } from '../engine/toStoredRequest';
import { toStoredResponse } from '../engine/toStoredResponse';
import type { TokenUsage } from '../usage/extractUsage';
import { usageOf } from '../usage/usageOf';
import { cassettePath } from './cassettePath';
import { CassetteStore } from './CassetteStore';
import type { StoredInteraction, StoredRequest } from './types';

/** Counts of what a cassette did in this run. */
export interface CassetteStats {
  /** Requests answered from the cassette. */
  replayed: number;
  /** Requests sent to the network and recorded. */
  recorded: number;
  /** Requests sent to the network in `bypass` mode. */
  bypassed: number;
  /** Interactions in the file that this run has not used (so far). */
  unused: number;
  /** Tokens of the replayed LLM responses: calls you did not pay for. */
  tokensReplayed: TokenUsage & { total: number };
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/** A cassette: a drop-in `fetch` that replays recorded interactions and records new ones. */
export class Cassette {
  /** The cassette name given at creation. */
  readonly name: string;
  /** Absolute path of the cassette file. */
  readonly path: string;
  /** The effective mode after `CASSETTE_MODE` / `CI` resolution. */
  readonly mode: CassetteMode;
  /** Pass this to any client that accepts a `fetch`. */
  readonly fetch: typeof globalThis.fetch;

  private readonly options: ResolvedOptions;
  private readonly store: CassetteStore;
  private readonly index: InteractionIndex;
  private readonly inflight = new Set<Promise<void>>();
  private readonly deferred: Error[] = [];
  private readonly counts = { replayed: 0, recorded: 0, bypassed: 0, input: 0, output: 0 };
  private readonly secrets = new SecretTracker();
  private readonly template: TemplateConfig | undefined;
  private readonly debug = debugLog('fetch-cassette:template');
  private closing: Promise<void> | undefined;

  constructor(name: string, options: CassetteOptions = {}) {
    this.options = resolveOptions(options);
    this.name = name;
    this.path = cassettePath(name, this.options.cassetteDir);
    this.mode = this.options.mode;
    const rules = this.options.scanRules;
    this.store = new CassetteStore(this.path, this.mode, (batch, offset, path) => {
      const findings = scanInteractions(batch, rules, offset);
      if (findings.length) throw new SecretLeakError(path, findings);
    });
    // Only record and replay look recorded interactions up: bypass and rerecord skip indexing them.
    const matchable = this.mode === 'record' || this.mode === 'replay' ? this.store.loaded : [];
    this.index = new InteractionIndex(matchable, this.options.matchers);
    this.template = this.options.template ? templateConfigOf(this.options.template) : undefined;
    this.fetch = (input, init) => this.handle(input, init);
  }

  /** Counts so far. */
  stats(): CassetteStats {
    const { replayed, recorded, bypassed, input, output } = this.counts;
    return { replayed, recorded, bypassed, unused: this.index.unused().length, tokensReplayed: { input, output, total: input + output } };
  }

  /**
   * Waits for recordings in flight and writes them, reports unused interactions, then rethrows
   * the first error a client may have swallowed (a miss, a blocked write). Idempotent.
   */
  close(): Promise<void> {
    this.closing ??= this.finish();
    return this.closing;
  }

  /** The first deferred error of this run, if any (what `close()` will throw). */
  get error(): Error | undefined {
    return this.deferred[0];
  }

  private async finish(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
    try {
      await this.store.flush();
    } catch (error) {
      this.defer(error as Error);
    }
    if (this.deferred.length) throw this.deferred[0];
    this.reportUnused();
  }

  private reportUnused(): void {
    if (this.options.onUnusedInteractions === 'ignore' || (this.mode !== 'record' && this.mode !== 'replay')) return;
    const unused = this.index.unused();
    if (unused.length === 0) return;
    const list = unused.slice(0, 5).map((e) => `  #${e.position + 1} ${e.interaction.request.method} ${e.interaction.request.uri}`);
    if (unused.length > 5) list.push(`  … and ${unused.length - 5} more`);
    const message = [
      `fetch-cassette: ${unused.length} recorded interaction${unused.length === 1 ? ' was' : 's were'} not used in ${this.path}:`,
      ...list,
      'They may be stale: re-record with CASSETTE_MODE=rerecord, or set onUnusedInteractions: \'ignore\'.',
    ].join('\n');
    if (this.options.onUnusedInteractions === 'error') throw new CassetteError(message, 'ERR_CASSETTE_UNUSED_INTERACTIONS');
    console.warn(message);
  }

  private defer<E extends Error>(error: E): E {
    this.deferred.push(error);
    return error;
  }

  private track(promise: Promise<void>): void {
    this.inflight.add(promise);
    void promise.finally(() => this.inflight.delete(promise));
  }

  private async handle(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    if (this.closing) {
      throw new CassetteError(`fetch-cassette: cassette ${this.path} was used after close(); create a new cassette for new requests.`);
    }
    if (this.mode === 'bypass') {
      this.counts.bypassed++;
      return this.options.fetch(input, init);
    }
    const incoming = readPlainRequest(input, init) ?? (await readIncomingRequest(input, init));
    if (incoming.signal?.aborted) throw abortReason(incoming.signal);
    const request = toStoredRequest(incoming, this.options, this.secrets);
    const url = incoming.url.href;

    if (this.mode === 'record' || this.mode === 'replay') {
      if (this.mode === 'replay' && !this.store.exists && this.index.size === 0) {
        throw this.defer(new CassetteNotFoundError(this.path, this.mode));
      }
      const signature = this.index.signatureOf(request);
      const found = this.lookup(request, signature);
      if (found) return this.replay(found, url, incoming.method, incoming.signal);
      if (this.mode === 'replay') throw this.defer(this.miss(request));
    } else if (this.options.sequential) {
      this.index.cursor++;
    }
    return this.record(incoming.url.href, incoming.networkInit(), request, incoming.signal);
  }

  private lookup(request: StoredRequest, signature: string): Found | undefined {
    if (!this.options.sequential) return this.logMatch(request, this.index.find(request, signature));
    const position = this.index.cursor++;
    const entry = this.index.entries[position];
    const found = entry && this.index.matchAt(entry, request, signature);
    if (found) {
      entry.used = true;
      return this.logMatch(request, found, position);
    }
    // Sequential only because of templates: while recording, a request that differs from an
    // earlier recording only in its templated values replays it (the seed's "second call replays
    // with a different id"); an exact repeat is recorded again, in order (polling).
    if (this.mode === 'record' && this.options.sequentialImplied) {
      const earlier = this.index.find(request, signature);
      if (earlier?.values && !sameValues(earlier.values, earlier.entry.interaction)) return this.logMatch(request, earlier, position);
    }
    return this.logMatch(request, undefined, position);
  }

  /** The template debug log of each match decision. */
  private logMatch(request: StoredRequest, found: Found | undefined, position?: number): Found | undefined {
    if (this.debug && this.template) {
      const at = position === undefined ? '' : ` at position #${position + 1}`;
      if (found) {
        const values = found.values ? [...found.values].map(([n, v]) => `${n}=${JSON.stringify(v)}`).join(' ') : '(not templated)';
        this.debug(`match SUCCESS${at}: ${request.method} ${request.uri} → interaction #${found.entry.position + 1}; values: ${values}`);
      } else {
        const templated = templateRequest(request, this.template).request;
        const expected = position === undefined ? undefined : this.index.entries[position];
        const diff = expected ? ` expected structure: ${JSON.stringify(expected.interaction.request.body_json ?? expected.interaction.request.body ?? '')}` : '';
        this.debug(`match FAILED${at}: ${request.method} ${templated.uri} request structure: ${JSON.stringify(templated.body_json ?? templated.body ?? '')}${diff}`);
      }
    }
    return found;
  }

  private replay(found: Found, url: string, method: string, signal: AbortSignal | undefined): Response {
    this.counts.replayed++;
    const { entry, values } = found;
    const usage = usageOf(entry.interaction.response);
    if (usage) {
      this.counts.input += usage.input;
      this.counts.output += usage.output;
    }
    const ctx = { url, method, timing: this.options.replayTiming, signal };
    if (entry.template && values) {
      const rendered = renderResponse(entry.interaction.response, values, entry.template.allowKeyTemplates);
      return replayResponse({ interaction: { ...entry.interaction, response: rendered } }, ctx);
    }
    return replayResponse(entry, ctx);
  }

  private miss(request: StoredRequest): NoMatchingInteractionError {
    const sequential = this.options.sequential;
    const expected = sequential ? this.index.cursor - 1 : undefined;
    const candidates = sequential && this.index.entries[expected!] ? [this.index.entries[expected!]!] : this.index.entries;
    // Compare like with like: templated interactions against the templated request.
    const probe = this.template ? templateRequest(request, this.template).request : request;
    return new NoMatchingInteractionError({
      cassettePath: this.path,
      mode: this.mode,
      method: request.method,
      url: request.query_string ? `${request.uri}?${request.query_string}` : request.uri,
      matchers: this.options.matchers.describe,
      interactionCount: this.index.size,
      closest: findClosest(candidates, probe, this.options.matchers),
      expectedPosition: expected,
    });
  }

  private async record(url: string, init: RequestInit, request: StoredRequest, signal: AbortSignal | undefined): Promise<Response> {
    let live: Response;
    try {
      live = await this.options.fetch(url, init);
    } catch (error) {
      if (signal?.aborted || isAbortError(error)) throw error;
      throw new RecordingNetworkError(request.method, url, this.mode, error);
    }
    const { response, done } = recordResponse(live, live.url || url, (captured) => this.commit(request, live, captured, signal));
    this.track(done);
    return response;
  }

  /** Replaces every credential value seen in this run, wherever it appears in the interaction. */
  private scrubTracked(interaction: StoredInteraction): StoredInteraction {
    if (this.secrets.size === 0) return interaction;
    const out = this.secrets.scrub(interaction);
    for (const side of [out.request, out.response]) {
      if (side.body_type === 'blob' && side.body_blob) side.body_blob = scrubBlob(side.body_blob, this.secrets);
    }
    return out;
  }

  private async commit(request: StoredRequest, live: Response, captured: CapturedBody, signal: AbortSignal | undefined): Promise<void> {
    try {
      const response = toStoredResponse(live, captured, this.options, signal);
      let interaction: StoredInteraction = { request, response, recorded_at: new Date().toISOString() };
      if (this.options.beforeRecord) interaction = this.options.beforeRecord(interaction);
      interaction = this.scrubTracked(interaction);
      if (this.template) interaction = applyTemplate(interaction, this.template, this.debug);
      this.index.add(interaction, true);
      this.counts.recorded++;
      await this.store.add(interaction);
    } catch (error) {
      // A hook that threw, a blocked or failed write: the caller's body fails with it, and
      // close() rethrows it even if the client swallowed it.
      throw this.defer(error as Error);
    }
  }
}

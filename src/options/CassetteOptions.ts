import type { StoredInteraction, StoredRequest, StoredResponse } from '../cassette/types';

/**
 * What happens to a request, given whether a recorded interaction matches it.
 * - `record` (default outside CI): replay a match, otherwise call the network and append.
 * - `replay` (default when `CI` is set; `none` is an alias): replay a match, otherwise throw
 *   `NoMatchingInteractionError`; never calls the network.
 * - `bypass`: always call the network; the cassette is neither used nor written.
 * - `rerecord`: always call the network; this run's interactions replace the old ones.
 */
export type CassetteMode = 'record' | 'replay' | 'bypass' | 'rerecord';

/** A custom matcher: return true when `incoming` may be answered by `recorded`. Both are filtered. */
export type CustomMatcher = (incoming: StoredRequest, recorded: StoredRequest) => boolean;

/** A built-in matcher name, `{ headers: [...] }` to compare only the named headers, or a function. */
export type Matcher = 'method' | 'uri' | 'query' | 'body' | 'headers' | { headers: string[] } | CustomMatcher;

/** `[pattern, replacement]`; a string pattern replaces every literal occurrence. */
export type SensitiveDataFilter = [pattern: RegExp | string, replacement: string];

/** Template configuration (SPEC §6). */
export interface TemplateOptions {
  /** Named patterns for dynamic values, e.g. `{ conversation_id: /conv_[a-zA-Z0-9]+/ }`. */
  patterns?: Record<string, RegExp>;
  /** Built-in pattern sets: `'openai'`, `'anthropic'`, `'llm'` (both) or `'common'` (uuid, ISO timestamps). */
  preset?: 'openai' | 'anthropic' | 'llm' | 'common';
  /** Also template JSON object keys (only string values are templated otherwise). Default `false`. */
  allowKeyTemplates?: boolean;
}

/** Options of `createCassette` and `withCassette`. Every field is optional. */
export interface CassetteOptions {
  /** Folder of cassette files, relative to the working directory. Default `'test/cassettes'`. */
  cassetteDir?: string;
  /**
   * The mode (see {@link CassetteMode}); `'none'` is accepted as `'replay'`.
   * Default `'record'`, or `'replay'` when env `CI` is truthy. Env `CASSETTE_MODE` overrides this option.
   */
  mode?: CassetteMode | 'none';
  /** Matchers, all of which must pass. Default `['method', 'uri', 'query', 'body']`. */
  matchRequestsOn?: Matcher[];
  /** The k-th request must match the k-th interaction. Default `false` (`true` when `template` is set). */
  sequential?: boolean;
  /** Request header names removed before storing and matching, in addition to the built-in secret list. */
  filterRequestHeaders?: string[];
  /** Response header names removed before storing, in addition to `set-cookie` and the built-ins. */
  filterResponseHeaders?: string[];
  /** Replacements applied to URL, query, headers and bodies before storing and matching. Default `[]`. */
  filterSensitiveData?: SensitiveDataFilter[];
  /** Hook on the stored form of each request, at record and before matching. Default none. */
  filterRequest?: (request: StoredRequest) => StoredRequest;
  /** Hook on the stored form of each response, at record time only. Default none. */
  filterResponse?: (response: StoredResponse) => StoredResponse;
  /** Hook on the whole interaction just before it is stored. Default none. */
  beforeRecord?: (interaction: StoredInteraction) => StoredInteraction;
  /** Dynamic values (ids, timestamps) that may differ on replay: see docs/templating.md. Default none. */
  template?: TemplateOptions;
  /** Pacing of replayed streams: `'instant'` (default), `'recorded'`, or a speed factor (2 = twice as fast). */
  replayTiming?: 'instant' | 'recorded' | number;
  /** The transport for live calls. Default: `globalThis.fetch` as it is when the cassette is created. */
  fetch?: typeof globalThis.fetch;
  /** What `close()` does about recorded interactions this run never used. Default `'warn'`. */
  onUnusedInteractions?: 'ignore' | 'warn' | 'error';
  /**
   * The write guard: before every write, new interactions are scanned for credential shapes and a
   * hit blocks the write (`SecretLeakError`). `patterns` adds shapes to the built-ins (see
   * docs/filtering.md); `allow` lists values or patterns that are known not to be secrets.
   * Default: the built-in shapes, nothing allowed.
   */
  secretScan?: { patterns?: Record<string, RegExp>; allow?: (string | RegExp)[] };
  /**
   * Explicit opt-out of built-in redactions, by name: only what is listed here is stored as it
   * came. For tests that must see, say, a `set-cookie` header. Default: nothing kept.
   */
  unsafelyKeep?: { requestHeaders?: string[]; responseHeaders?: string[]; queryParams?: string[] };
}

/** Header map as stored: lower-case name → list of values (several `set-cookie` stay separate). */
export type StoredHeaders = Record<string, string[]>;

/**
 * One server-sent event. Either structured (`event`, `id`, `retry`, `data` or `data_json`,
 * `comments`), written back as `field: value` lines, or `raw` when its framing was unusual.
 */
export interface StoredSseEvent {
  /** Milliseconds since the previous event (since the response headers for the first). */
  delay_ms: number;
  /** Comment lines (`: ping`), without the leading colon. */
  comments?: string[];
  event?: string;
  id?: string;
  retry?: string;
  /** The data as text (several `data:` lines joined with `\n`). */
  data?: string;
  /** The data as JSON, when re-serialising it gives the exact same bytes. */
  data_json?: unknown;
  /** The exact text of the event, framing included, when it is not in the structured form. */
  raw?: string;
  /** The stream ended before this event's closing blank line. */
  unterminated?: true;
}

/** One line of an NDJSON stream. */
export interface StoredNdjsonLine {
  delay_ms: number;
  /** The line as JSON, when re-serialising it gives the exact same bytes. */
  json?: unknown;
  /** The line as text otherwise. */
  text?: string;
  /** The stream ended before this line's newline. */
  unterminated?: true;
}

/** How a body stream ended early: replayed as the same failure after the stored content. */
export interface StoredBodyError {
  /** `AbortError`, `TypeError`, … */
  name: string;
  message: string;
  /** Who ended it: the server (or network), or the client that recorded it (an abort). */
  cut_by: 'server' | 'client';
}

/**
 * The body of a stored request or response: exactly one of `body_json`, `body`, `body_blob`,
 * `body_events` or `body_lines`, as `body_type` says.
 */
export interface StoredBody {
  /**
   * `json`: native JSON in `body_json`; `text`: a string in `body`; `blob`: base64 in `body_blob`;
   * `sse`: server-sent events in `body_events`; `ndjson`: lines in `body_lines`.
   */
  body_type: 'json' | 'text' | 'blob' | 'sse' | 'ndjson';
  body_json?: unknown;
  body?: string;
  body_blob?: string;
  body_events?: StoredSseEvent[];
  body_lines?: StoredNdjsonLine[];
  /** The line ending of an `sse` or `ndjson` body when it is not `\n`. */
  line_ending?: '\r\n' | '\r';
  /** Set when the body ended with an error part-way (responses only). */
  body_error?: StoredBodyError;
}

export interface StoredRequest extends StoredBody {
  /** Upper-case HTTP method. */
  method: string;
  /** `scheme://host[:port]/path`, never the query. */
  uri: string;
  /** The raw query without `?` (credentials replaced by a placeholder), `''` when none. */
  query_string: string;
  headers: StoredHeaders;
}

export interface StoredResponse extends StoredBody {
  status: number;
  /** Present when the server sent a reason phrase. */
  status_text?: string;
  headers: StoredHeaders;
}

/** One recorded request/response pair. Unknown keys (e.g. added by `beforeRecord`) are kept. */
export interface StoredInteraction {
  request: StoredRequest;
  response: StoredResponse;
  /** ISO-8601 UTC time of recording. */
  recorded_at: string;
  [extra: string]: unknown;
}

/** The whole cassette file (format 2.0). */
export interface CassetteFile {
  version: '2.0';
  interactions: StoredInteraction[];
  [extra: string]: unknown;
}

/** Header map as stored: lower-case name → list of values (several `set-cookie` stay separate). */
export type StoredHeaders = Record<string, string[]>;

/** The body of a stored request or response: exactly one of `body_json`, `body`, `body_blob`. */
export interface StoredBody {
  /** `json`: native JSON in `body_json`; `text`: a string in `body`; `blob`: base64 in `body_blob`. */
  body_type: 'json' | 'text' | 'blob';
  body_json?: unknown;
  body?: string;
  body_blob?: string;
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

import type { StoredBody, StoredHeaders } from '../cassette/types';
import { parseJsonLossless } from '../http/json';
import { lineContent, withContent } from '../streaming/ndjsonLines';
import { withData } from '../streaming/sseEvents';

/** A compiled `[pattern, replacement]` pair; patterns always replace every occurrence. */
export interface CompiledFilter {
  pattern: RegExp;
  replacement: string;
}

export function replaceAll(text: string, filters: readonly CompiledFilter[]): string {
  let out = text;
  for (const f of filters) {
    f.pattern.lastIndex = 0;
    out = out.replace(f.pattern, f.replacement);
  }
  return out;
}

export function filterHeaderValues(headers: StoredHeaders, filters: readonly CompiledFilter[]): StoredHeaders {
  if (filters.length === 0) return headers;
  const out: StoredHeaders = {};
  for (const name of Object.keys(headers)) out[name] = headers[name]!.map((v) => replaceAll(v, filters));
  return out;
}

/**
 * Applies the filters to a stored body. JSON is filtered in its serialised form, so keys, values
 * and numbers are all reached; if the result is no longer JSON the filtered text is stored (never
 * the original). Blobs are filtered as latin1 text so every byte maps to one character.
 */
export function filterBody<T extends StoredBody>(body: T, filters: readonly CompiledFilter[]): T {
  if (filters.length === 0) return body;
  switch (body.body_type) {
    case 'json': {
      const before = JSON.stringify(body.body_json);
      const after = replaceAll(before, filters);
      if (after === before) return body;
      const parsed = parseJsonLossless(after);
      const out = { ...body } as T;
      delete out.body_json;
      if (parsed.ok) return { ...out, body_type: 'json', body_json: parsed.value };
      return { ...out, body_type: 'text', body: after };
    }
    case 'sse': {
      const events = (body.body_events ?? []).map((e) => {
        let out = { ...e };
        if (out.raw !== undefined) out.raw = replaceAll(out.raw, filters);
        if (out.comments) out.comments = out.comments.map((c) => replaceAll(c, filters));
        for (const field of ['event', 'id', 'retry'] as const) if (out[field] !== undefined) out[field] = replaceAll(out[field]!, filters);
        const data = out.data_json !== undefined ? JSON.stringify(out.data_json) : out.data;
        if (data !== undefined) {
          const after = replaceAll(data, filters);
          if (after !== data) out = withData(out, after);
        }
        return out;
      });
      return { ...body, body_events: events };
    }
    case 'ndjson': {
      const lines = (body.body_lines ?? []).map((l) => {
        const content = lineContent(l);
        const after = replaceAll(content, filters);
        return after === content ? l : withContent(l, after);
      });
      return { ...body, body_lines: lines };
    }
    case 'blob': {
      const before = Buffer.from(body.body_blob ?? '', 'base64').toString('latin1');
      const after = replaceAll(before, filters);
      return after === before ? body : { ...body, body_blob: Buffer.from(after, 'latin1').toString('base64') };
    }
    default: {
      const after = replaceAll(body.body ?? '', filters);
      return after === body.body ? body : { ...body, body: after };
    }
  }
}

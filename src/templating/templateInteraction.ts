import type { StoredBody, StoredHeaders, StoredRequest, StoredResponse } from '../cassette/types';
import { findMatches } from './findMatches';
import { escapeLiteral, marker, renderText } from './markers';
import type { TemplateConfig } from './TemplateConfig';

/** Pattern name → its distinct values, in the order they were first found. */
export type TemplateValues = Map<string, string[]>;

type StringMap = (text: string) => string;

function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Maps every string of a JSON value, keys included when `keys` is set. Requests visit object keys
 * sorted (so values are numbered the same whatever the key order); responses keep their order
 * (stream events must write back their exact bytes).
 */
function mapJson(value: unknown, fn: StringMap, keys: boolean, sorted: boolean): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapJson(v, fn, keys, sorted));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    const obj = value as Record<string, unknown>;
    const names = Object.keys(obj);
    for (const key of sorted ? names.sort() : names) {
      const child = mapJson(obj[key], fn, keys, sorted);
      setKey(out, keys ? fn(key) : key, child);
    }
    return out;
  }
  return value;
}

/** Maps every string of a body: JSON strings, text, stream events and lines. Blobs are left alone. */
function mapBody<T extends StoredBody>(body: T, fn: StringMap, keys: boolean, sorted = false): T {
  const mapJson_ = (value: unknown) => mapJson(value, fn, keys, sorted);
  switch (body.body_type) {
    case 'json':
      return { ...body, body_json: mapJson_(body.body_json) };
    case 'text':
      return { ...body, body: fn(body.body ?? '') };
    case 'sse':
      return {
        ...body,
        body_events: (body.body_events ?? []).map((e) => {
          const out = { ...e };
          if (out.data !== undefined) out.data = fn(out.data);
          if (out.data_json !== undefined) out.data_json = mapJson_(out.data_json);
          if (out.raw !== undefined) out.raw = fn(out.raw);
          if (out.comments) out.comments = out.comments.map(fn);
          return out;
        }),
      };
    case 'ndjson':
      return {
        ...body,
        body_lines: (body.body_lines ?? []).map((l) => {
          const out = { ...l };
          if (out.json !== undefined) out.json = mapJson_(out.json);
          if (out.text !== undefined) out.text = fn(out.text);
          return out;
        }),
      };
    default:
      return body;
  }
}

function mapHeaders(headers: StoredHeaders, fn: StringMap): StoredHeaders {
  const out: StoredHeaders = {};
  for (const name of Object.keys(headers).sort()) out[name] = headers[name]!.map(fn);
  return out;
}

/** The query with its `k=v` segments sorted, so values are numbered the same whatever the order. */
function sortedQuery(query: string): string {
  return query === '' ? query : query.split('&').sort().join('&');
}

/**
 * Replaces the values the patterns find in a request by `{{name.N}}` markers: the URI, the query
 * (sorted), the body, then the headers, in that order, so N numbers distinct values in a fixed
 * order. Replacement is by position, in one pass: a short value cannot corrupt a marker.
 */
export function templateRequest(request: StoredRequest, config: TemplateConfig): { request: StoredRequest; values: TemplateValues } {
  const values: TemplateValues = new Map();
  const fn: StringMap = (text) => {
    let out = '';
    let pos = 0;
    for (const m of findMatches(text, config)) {
      out += escapeLiteral(text.slice(pos, m.start));
      let list = values.get(m.name);
      if (!list) values.set(m.name, (list = []));
      let index = list.indexOf(m.value);
      if (index === -1) index = list.push(m.value) - 1;
      out += marker(m.name, index);
      pos = m.end;
    }
    return out + escapeLiteral(text.slice(pos));
  };
  const uri = fn(request.uri);
  const query_string = fn(sortedQuery(request.query_string));
  const body = mapBody(request, fn, config.allowKeyTemplates, true);
  const headers = mapHeaders(request.headers, fn);
  return { request: { ...body, uri, query_string, headers }, values };
}

/**
 * Replaces, in a response, the request's values wherever they occur (literal search, longest value
 * first, one pass) by their markers. Values found only in the response stay literal.
 */
export function templateResponse<T extends StoredBody & { headers: StoredHeaders }>(response: T, values: TemplateValues, config: TemplateConfig): T {
  const pairs: [string, string][] = [];
  for (const [name, list] of values) list.forEach((v, i) => pairs.push([v, marker(name, i)]));
  pairs.sort((a, b) => b[0].length - a[0].length);
  const lookup = new Map(pairs);
  const re = pairs.length ? new RegExp(pairs.map(([v]) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : undefined;
  const fn: StringMap = (text) => {
    if (!re) return escapeLiteral(text);
    let out = '';
    let pos = 0;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      out += escapeLiteral(text.slice(pos, m.index)) + lookup.get(m[0])!;
      pos = m.index + m[0].length;
    }
    return out + escapeLiteral(text.slice(pos));
  };
  return { ...mapBody(response, fn, config.allowKeyTemplates), headers: mapHeaders(response.headers, fn) };
}

/** The response for a replay: markers replaced by this request's values, escapes undone. */
export function renderResponse(response: StoredResponse, values: TemplateValues, allowKeyTemplates: boolean): StoredResponse {
  const fn: StringMap = (text) => renderText(text, values);
  return { ...mapBody(response, fn, allowKeyTemplates), headers: mapHeaders(response.headers, fn) };
}

/** Which `name.N` of the values appear in the templated response (the shared scope). */
export function valuesToRecord(values: TemplateValues): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const name of [...values.keys()].sort()) out[name] = [...values.get(name)!];
  return out;
}

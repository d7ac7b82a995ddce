import { CassetteCorruptError } from '../errors/CassetteCorruptError';
import type { CassetteFile, StoredBody, StoredHeaders, StoredInteraction, StoredRequest, StoredResponse } from './types';

function positionOf(text: string, message: string): { line: number; column: number } | undefined {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  const offset = pos ? Number(pos[1]) : /end of JSON input/.test(message) ? text.length : undefined;
  if (offset === undefined) return undefined;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Already the stored shape (what this library writes): lower-case names, lists of strings. */
function isStoredShape(headers: Record<string, unknown>): boolean {
  for (const name in headers) {
    const v = headers[name];
    if (!Array.isArray(v) || name !== name.toLowerCase()) return false;
    for (const x of v) if (typeof x !== 'string') return false;
  }
  return true;
}

function headersOf(value: unknown, where: string, fail: (m: string) => never): StoredHeaders {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) fail(`${where} must be an object of header name → list of values`);
  if (isStoredShape(value)) return value as StoredHeaders;
  const out: StoredHeaders = {};
  for (const [name, v] of Object.entries(value)) {
    const list = Array.isArray(v) ? v : [v];
    if (list.some((x) => typeof x !== 'string')) fail(`${where}.${name} must be a string or a list of strings`);
    out[name.toLowerCase()] = [...(out[name.toLowerCase()] ?? []), ...(list as string[])];
  }
  return out;
}

function bodyOf(value: Record<string, unknown>, where: string, fail: (m: string) => never): StoredBody {
  const type = value.body_type;
  if (type === 'json') {
    if ('body_json' in value) return { body_type: 'json', body_json: value.body_json };
    // ReqCassette keeps body_type json with a string body when the JSON did not decode.
    if (typeof value.body === 'string') return { body_type: 'text', body: value.body };
    return { body_type: 'json', body_json: undefined };
  }
  if (type === 'blob') {
    if (typeof value.body_blob !== 'string') fail(`${where}.body_blob must be a base64 string`);
    return { body_type: 'blob', body_blob: value.body_blob as string };
  }
  if (type === 'sse' || type === 'ndjson') {
    const key = type === 'sse' ? 'body_events' : 'body_lines';
    const list = value[key];
    if (!Array.isArray(list) || list.some((e) => !isObject(e))) fail(`${where}.${key} must be a list of objects`);
    const ending = value.line_ending;
    if (ending !== undefined && ending !== '\r\n' && ending !== '\r' && ending !== '\n') fail(`${where}.line_ending must be "\\n", "\\r\\n" or "\\r"`);
    const out: StoredBody = { body_type: type, [key]: list };
    if (ending === '\r\n' || ending === '\r') out.line_ending = ending;
    return out;
  }
  if (type === 'text' || type === undefined) {
    const body = value.body ?? '';
    if (typeof body !== 'string') {
      // Legacy shapes sometimes kept decoded JSON under "body".
      if (type === undefined && (isObject(body) || Array.isArray(body))) return { body_type: 'json', body_json: body };
      fail(`${where}.body must be a string`);
    }
    return { body_type: 'text', body: body as string };
  }
  return fail(`${where}.body_type is ${JSON.stringify(type)}; expected "json", "text", "blob", "sse" or "ndjson"`);
}

function interactionOf(raw: unknown, i: number, fail: (m: string) => never): StoredInteraction {
  const where = `interactions[${i}]`;
  if (!isObject(raw)) fail(`${where} must be an object`);
  const { request: rq, response: rs, recorded_at } = raw as Record<string, unknown>;
  let extra: Record<string, unknown> | undefined;
  for (const key in raw as object) {
    if (key !== 'request' && key !== 'response' && key !== 'recorded_at') (extra ??= {})[key] = (raw as Record<string, unknown>)[key];
  }
  if (!isObject(rq)) fail(`${where}.request is missing or not an object`);
  if (!isObject(rs)) fail(`${where}.response is missing or not an object`);
  const req = rq as Record<string, unknown>;
  const res = rs as Record<string, unknown>;
  if (typeof req.method !== 'string') fail(`${where}.request.method must be a string`);
  if (typeof req.uri !== 'string') fail(`${where}.request.uri must be a string`);
  if (typeof res.status !== 'number' || !Number.isInteger(res.status)) fail(`${where}.response.status must be an integer`);
  const request: StoredRequest = {
    method: (req.method as string).toUpperCase(),
    uri: req.uri as string,
    query_string: typeof req.query_string === 'string' ? req.query_string : '',
    headers: headersOf(req.headers, `${where}.request.headers`, fail),
    ...bodyOf(req, `${where}.request`, fail),
  };
  const response: StoredResponse = {
    status: res.status as number,
    ...(typeof res.status_text === 'string' ? { status_text: res.status_text } : {}),
    headers: headersOf(res.headers, `${where}.response.headers`, fail),
    ...bodyOf(res, `${where}.response`, fail),
  };
  if (res.body_error !== undefined) {
    const e = res.body_error as Record<string, unknown>;
    if (!isObject(e) || typeof e.name !== 'string' || typeof e.message !== 'string') fail(`${where}.response.body_error must be {name, message, cut_by}`);
    response.body_error = { name: e.name as string, message: e.message as string, cut_by: e.cut_by === 'client' ? 'client' : 'server' };
  }
  const interaction: StoredInteraction = { request, response, recorded_at: typeof recorded_at === 'string' ? recorded_at : 'unknown' };
  return extra ? { ...extra, ...interaction } : interaction;
}

/**
 * Parses and validates a cassette file: format 2.0 and 1.0 (`{version, interactions}`) and the
 * legacy 0.1 single-response shape `{status, headers, body}`. Throws `CassetteCorruptError`.
 */
export function parseCassette(text: string, cassettePath: string): CassetteFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = (error as Error).message;
    throw new CassetteCorruptError(cassettePath, `not valid JSON: ${message}`, positionOf(text, message), error);
  }
  const fail = (detail: string): never => {
    throw new CassetteCorruptError(cassettePath, detail);
  };
  if (!isObject(raw)) return fail('expected a JSON object with "version" and "interactions"');
  if ('interactions' in raw || 'version' in raw) {
    const { version, interactions, ...extra } = raw;
    if (version !== '2.0' && version !== '1.0') fail(`unsupported version ${JSON.stringify(version)}; this library reads "2.0", "1.0" and the legacy 0.1 shape`);
    if (!Array.isArray(interactions)) fail('"interactions" must be an array');
    return { ...extra, version: '2.0', interactions: (interactions as unknown[]).map((it, i) => interactionOf(it, i, fail)) };
  }
  if (typeof raw.status === 'number') {
    // ReqCassette 0.1: one response per file, no request recorded.
    const interaction = interactionOf(
      {
        request: { method: 'UNKNOWN', uri: 'UNKNOWN', query_string: '', headers: {}, body_type: 'text', body: '' },
        response: raw,
        recorded_at: 'MIGRATED_FROM_V0.1',
      },
      0,
      fail,
    );
    return { version: '2.0', interactions: [interaction] };
  }
  return fail('not a cassette: expected {"version": "2.0", "interactions": [...]}');
}

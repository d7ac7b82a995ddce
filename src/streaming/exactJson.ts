/** The JSON value of `text` when `JSON.stringify` gives `text` back exactly (objects and arrays only). */
export function exactJson(text: string): { ok: true; value: unknown } | { ok: false } {
  const first = text.charCodeAt(0);
  if (first !== 123 /* { */ && first !== 91 /* [ */) return { ok: false };
  try {
    const value: unknown = JSON.parse(text);
    return JSON.stringify(value) === text ? { ok: true, value } : { ok: false };
  } catch {
    return { ok: false };
  }
}

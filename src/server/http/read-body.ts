import type { Context } from 'hono';
import { ApiError, badRequestDetail } from './api-error.ts';
import { exceedsJsonDepth, TOO_DEEP_MESSAGE } from './json-depth.ts';

/** D11: request bodies are limited to 256 KiB. */
export const MAX_BODY_BYTES = 256 * 1024;
const TOO_LARGE = 'Request body is too large (limit 256 KiB).';

/**
 * Form fields that carry JSON (filters, group_by, metadata, …) may arrive as JSON text, and ids and
 * numbers as digit strings: how DRF's parsers hand them to the serializer.
 */
const JSON_FORM_FIELDS = new Set([
  'filters',
  'dashboard_filters',
  'group_by',
  'metadata',
  'create',
  'update',
  'delete',
  'widget_ids',
]);
const INTEGER_FORM_FIELDS = new Set(['project', 'dashboard', 'metric', 'id']);
/**
 * List fields: DRF reads them from a form with `getlist`, so every value is one item and a single
 * value is a list of one. One value that is itself JSON list text is taken as the whole list.
 */
const LIST_FORM_FIELDS = new Set(['create', 'update', 'delete', 'widget_ids']);

/** Reads the raw body, refusing more than MAX_BODY_BYTES (by header and by actual size). */
export async function readRawBody(c: Context): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw new ApiError(413, { detail: TOO_LARGE });
  const stream = c.req.raw.body;
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const result = await reader.read();
    if (result.done) break;
    const raw: unknown = result.value;
    // ArrayBuffer.isView, not instanceof: a Uint8Array from another realm (jsdom in component tests)
    // fails instanceof and would silently drop the body.
    if (!ArrayBuffer.isView(raw)) continue;
    const value = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new ApiError(413, { detail: TOO_LARGE });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function coerceFormValue(key: string, value: string): unknown {
  if (JSON_FORM_FIELDS.has(key)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return value; // left as text: the schema then reports the wrong type
    }
    if (exceedsJsonDepth(parsed)) throw badRequestDetail(TOO_DEEP_MESSAGE);
    return parsed;
  }
  if (INTEGER_FORM_FIELDS.has(key)) {
    if (value === '') return null;
    if (/^-?\d{1,15}$/.test(value)) return Number(value);
  }
  return value;
}

function formToObject(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const values = new Map<string, unknown[]>();
  for (const [key, raw] of entries) {
    if (typeof raw !== 'string') continue; // uploaded files are not part of this API
    const list = values.get(key) ?? [];
    list.push(coerceFormValue(key, raw));
    values.set(key, list);
  }
  // fromEntries defines keys (never assigns them), so a field named __proto__ stays a plain key.
  return Object.fromEntries(
    [...values].map(([key, list]) => {
      const [first] = list;
      if (LIST_FORM_FIELDS.has(key)) return [key, list.length === 1 && Array.isArray(first) ? first : list];
      return [key, list.length === 1 ? first : list];
    }),
  );
}

/**
 * The request body as a value: JSON, `application/x-www-form-urlencoded` or `multipart/form-data`
 * (the contract's three media types). An empty body is `{}` (bodies are optional on several writes).
 * Malformed JSON → 400 with DRF's "JSON parse error - …"; other media types → 415; too large → 413.
 */
export async function readBody(c: Context): Promise<unknown> {
  const bytes = await readRawBody(c);
  if (bytes.byteLength === 0) return {};
  const contentType = (c.req.header('content-type') ?? 'application/json').toLowerCase();
  const mediaType = contentType.split(';')[0]?.trim() ?? '';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error: unknown) {
      const reason = error instanceof Error ? error.message : 'invalid JSON';
      throw badRequestDetail(`JSON parse error - ${reason}`);
    }
    if (exceedsJsonDepth(parsed)) throw badRequestDetail(TOO_DEEP_MESSAGE);
    return parsed;
  }
  if (mediaType === 'application/x-www-form-urlencoded') {
    return formToObject(new URLSearchParams(text).entries());
  }
  if (mediaType === 'multipart/form-data') {
    try {
      const form = await new Request('http://body.local/', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: bytes,
      }).formData();
      const entries: [string, unknown][] = [];
      form.forEach((value, key) => entries.push([key, value]));
      return formToObject(entries);
    } catch {
      throw badRequestDetail('Multipart form parse error - Invalid boundary in multipart: None');
    }
  }
  throw new ApiError(415, { detail: `Unsupported media type "${mediaType}" in request.` });
}

/** DRF's answer to a body that is not an object. */
export function requireObject(body: unknown): Record<string, unknown> {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    return Object.fromEntries(Object.entries(body));
  }
  const got = Array.isArray(body)
    ? 'list'
    : body === null
      ? 'NoneType'
      : typeof body === 'string'
        ? 'str'
        : typeof body === 'number'
          ? Number.isInteger(body)
            ? 'int'
            : 'float'
          : 'bool';
  throw new ApiError(400, { non_field_errors: [`Invalid data. Expected a dictionary, but got ${got}.`] });
}

import * as z from 'zod';

/** DRF field errors: `{"<field>": ["message", ...]}`, with `non_field_errors` for cross-field ones (D8). */
export type DrfErrors = Record<string, string[]>;

/** Any DRF error body: `{"detail": "..."}` or field errors (values may nest for related objects). */
export const DrfErrorBodySchema = z.union([
  z.object({ detail: z.string() }).loose(),
  z.record(z.string(), z.unknown()),
]);
export type DrfErrorBody = z.infer<typeof DrfErrorBodySchema>;

/** Flattens any DRF error body into `field → messages`, `detail` included under "detail". Total. */
export function flattenDrfErrors(body: unknown): DrfErrors {
  const out: DrfErrors = {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    if (typeof body === 'string' && body) out.detail = [body];
    return out;
  }
  for (const [key, value] of Object.entries(body)) {
    const messages = collectMessages(value);
    if (messages.length > 0) out[key] = messages;
  }
  return out;
}

function collectMessages(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(collectMessages);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => collectMessages(v).map((m) => `${k}: ${m}`));
  }
  return [];
}

/** Adds a message under a key, returning a new object. */
export function addDrfError(errors: DrfErrors, key: string, message: string): DrfErrors {
  return { ...errors, [key]: [...(errors[key] ?? []), message] };
}

import type { Context } from 'hono';
import { ApiError } from './api-error.ts';

/** A strong ETag derived from the row's id and `updated_at` (D21). */
export function etagOf(id: number, updatedAt: string): string {
  return `"${id}-${Date.parse(updatedAt)}"`;
}

/**
 * Honours `If-Match` on writes (D21): absent → proceed; `*` or a list containing the current tag
 * (weak prefixes ignored) → proceed; otherwise 412 with `message`.
 */
export function assertIfMatch(c: Context, currentEtag: string, message: string): void {
  const header = c.req.header('if-match');
  if (header === undefined) return;
  const tags = header.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (tags.includes('*') || tags.includes(currentEtag)) return;
  throw new ApiError(412, { detail: message });
}

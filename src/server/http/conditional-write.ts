import type { Context } from 'hono';
import { ApiError } from './api-error.ts';
import { assertIfMatch, etagOf } from './etag.ts';

/** What an attempt returns when the row changed between its read and its write (nothing written). */
export const STALE = Symbol('stale');

/** Rounds before a write gives up on a row that keeps changing under it (409). */
const MAX_ATTEMPTS = 5;

/**
 * Runs `attempt` until it is not STALE. Each attempt reads what it needs, validates, and writes only
 * if what it read is still current (one conditional statement or transaction), so it never writes
 * over a change it did not see. Conflicts are rare and each one means another write landed, so a few
 * rounds suffice; past them the answer is 409 with `conflict`.
 */
export async function retryWhileStale<T>(
  conflict: string,
  attempt: (round: number) => Promise<T | typeof STALE>,
): Promise<T> {
  for (let round = 1; ; round++) {
    const result = await attempt(round);
    if (result !== STALE) return result;
    if (round === MAX_ATTEMPTS) throw new ApiError(409, { detail: conflict });
  }
}

/**
 * A write of `checked` (already read and checked against `If-Match`) that lands only on that version
 * (D21): `write(row)` validates against `row` and returns false when the row's `updated_at` moved in
 * between. Then the row is read again (`reload` answers 404 once it is gone) and `If-Match` is checked
 * against it, so a precondition that went stale while the body arrived is a 412, and a request without
 * one starts over from the new version.
 */
export async function writeOnVersion<R extends { id: number; updated_at: string }>(
  c: Context,
  checked: R,
  options: { conflict: string; reload: () => Promise<R>; write: (row: R) => Promise<boolean> | boolean },
): Promise<void> {
  await retryWhileStale(options.conflict, async (round) => {
    const row = round === 1 ? checked : await options.reload();
    if (round > 1) assertIfMatch(c, etagOf(row.id, row.updated_at), options.conflict);
    return (await options.write(row)) ? true : STALE;
  });
}

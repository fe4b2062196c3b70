/**
 * The `updated_at` for a write at `now`: ms-precision ISO, and strictly later than the row's previous
 * value even when the clock has not moved (or moved back), so every write changes the ETag (D21).
 */
export function nextUpdatedAt(previous: string | null, now: Date): string {
  const previousMs = previous === null ? Number.NEGATIVE_INFINITY : Date.parse(previous);
  const ms = Number.isFinite(previousMs) && previousMs >= now.getTime() ? previousMs + 1 : now.getTime();
  return new Date(ms).toISOString();
}

/** The auto-refresh intervals the control bar offers; the id is what a link carries (`refresh=1m`). */
export const REFRESH_CHOICES = [
  { id: 'off', label: 'Off', ms: 0 },
  { id: '30s', label: '30 s', ms: 30_000 },
  { id: '1m', label: '1 min', ms: 60_000 },
  { id: '5m', label: '5 min', ms: 300_000 },
  { id: '15m', label: '15 min', ms: 900_000 },
] as const;
export type RefreshChoice = (typeof REFRESH_CHOICES)[number];

/** An interval's length; an unknown id is off (0). Total. */
export function refreshMs(id: string): number {
  return REFRESH_CHOICES.find((choice) => choice.id === id)?.ms ?? 0;
}

/**
 * The wait before the next automatic refresh, or false for none (auto-refresh off). After failed
 * ticks the wait doubles per consecutive failure (a server in trouble is not hammered), never beyond
 * `maxMs` (default 15 minutes) and never below the interval itself; one success resets it. Total:
 * negative or fractional failure counts count as none.
 */
export function nextRefreshDelay(intervalMs: number, failures: number, maxMs = 900_000): number | false {
  if (!(intervalMs > 0)) return false;
  const doublings = Math.min(Math.max(0, Math.floor(failures) || 0), 16);
  return Math.max(intervalMs, Math.min(intervalMs * 2 ** doublings, maxMs));
}

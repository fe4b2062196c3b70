/** Fewer calls than this in a compared bucket make its change noise: it is greyed out, not stated. */
export const MIN_COMPARE_SAMPLES = 5;
export const TOO_FEW_TO_COMPARE = 'too few calls to compare';

export interface Change {
  /** "up 12 %", "down 3.5 %", "unchanged", or "up 40" when the previous value was 0. */
  text: string;
  direction: 'up' | 'down' | 'flat';
}

function percent(value: number): string {
  const rounded = Math.abs(value) >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded.toLocaleString('en-US')} %`;
}

/**
 * The change from a previous value to the current one in words, or null when either is missing.
 * A previous value of zero has no percentage: the change is stated as a difference.
 */
export function describeChange(
  current: number | null | undefined,
  previous: number | null | undefined,
  format: (value: number) => string,
): Change | null {
  if (current == null || previous == null || !Number.isFinite(current) || !Number.isFinite(previous))
    return null;
  const delta = current - previous;
  if (delta === 0) return { text: 'unchanged', direction: 'flat' };
  const direction = delta > 0 ? 'up' : 'down';
  if (previous === 0) return { text: `${direction} ${format(Math.abs(delta))}`, direction };
  return { text: `${direction} ${percent(Math.abs(delta / previous) * 100)}`, direction };
}

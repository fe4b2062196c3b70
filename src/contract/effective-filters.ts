import { isFilterGroup, type Filter, type FilterCondition, type FilterOp } from './filter-schema.ts';
import { resolveTimeValue } from './relative-time.ts';

/** The widest data window, and the oldest allowed start, in days (contract 5.6, D11). */
export const DATA_WINDOW_MAX_DAYS = 30;
const DATA_WINDOW_MAX_MS = DATA_WINDOW_MAX_DAYS * 86_400_000;

export const DATA_WINDOW_MESSAGES = {
  missingLowerBound: 'A timestamp filter (gt or gte) is required.',
  startTooOld: 'Timestamp filter value is too far in the past. Maximum allowed range is 30 days.',
  spanTooWide: 'The time range may not span more than 30 days.',
} as const;

/**
 * The effective filter of a widget (D7): neither side → null; one side → that filter as it is (same
 * reference); both → `{"operator":"and","conditions":[dashboard, widget]}`. An empty group still
 * counts as a filter: the merge is structural and never rewrites what either side stored.
 */
export function mergeFilters(
  dashboard: Filter | null | undefined,
  widget: Filter | null | undefined,
): Filter | null {
  if (dashboard == null) return widget ?? null;
  if (widget == null) return dashboard;
  return { operator: 'and', conditions: [dashboard, widget] };
}

/**
 * The `timestamp` leaves that hold for every matching call: the root leaf, or leaves reachable from
 * the root through `and` groups only. A leaf under an `or` is one alternative, not a guarantee, and
 * `same_row` groups hold metric-evaluation leaves only (D11), so neither is descended into.
 */
export function guaranteedTimestampLeaves(filter: Filter | null): FilterCondition[] {
  if (filter === null) return [];
  if (!isFilterGroup(filter)) return filter.field === 'timestamp' ? [filter] : [];
  if (filter.operator !== 'and') return [];
  return filter.conditions.flatMap(guaranteedTimestampLeaves);
}

function resolveBounds(filter: Filter | null, ops: readonly FilterOp[], now: Date): number[] {
  return guaranteedTimestampLeaves(filter)
    .filter((leaf) => ops.includes(leaf.op))
    .map((leaf) => resolveTimeValue(leaf.value, leaf.op, now)?.getTime())
    .filter((time): time is number => time !== undefined);
}

/**
 * The guaranteed start of the window: the latest `timestamp` `gt`/`gte` value reachable through `and`
 * groups (several lower bounds ANDed together leave the latest one binding). Values that do not
 * resolve are ignored; `validateFilter` reports them. Null when there is none. Total.
 */
export function findTimestampLowerBound(filter: Filter | null, now: Date): Date | null {
  const times = resolveBounds(filter, ['gt', 'gte'], now);
  return times.length === 0 ? null : new Date(Math.max(...times));
}

/** The guaranteed end of the window: the earliest `timestamp` `lt`/`lte` value, as above. Total. */
export function findTimestampUpperBound(filter: Filter | null, now: Date): Date | null {
  const times = resolveBounds(filter, ['lt', 'lte'], now);
  return times.length === 0 ? null : new Date(Math.min(...times));
}

/**
 * The data-window rules of D11 for an effective filter, in this order: a lower bound is required; it
 * may not lie more than 30 days before now; and the span from it to the upper bound (or to now, when
 * there is none) may not exceed 30 days. Returns the `detail` message of the 400, or null. Total.
 */
export function checkDataWindow(filter: Filter | null, now: Date): string | null {
  const lower = findTimestampLowerBound(filter, now);
  if (lower === null) return DATA_WINDOW_MESSAGES.missingLowerBound;
  if (now.getTime() - lower.getTime() > DATA_WINDOW_MAX_MS) return DATA_WINDOW_MESSAGES.startTooOld;
  const upper = findTimestampUpperBound(filter, now) ?? now;
  if (upper.getTime() - lower.getTime() > DATA_WINDOW_MAX_MS) return DATA_WINDOW_MESSAGES.spanTooWide;
  return null;
}

import { guaranteedTimestampLeaves } from '../../contract/effective-filters.ts';
import { isFilterGroup, type Filter } from '../../contract/filter-schema.ts';
import { resolveTimeValue } from '../../contract/relative-time.ts';

/**
 * The time window of an effective filter, split for the query planner: `lower`/`upper` (epoch ms,
 * inclusive, null when absent) become sargable `ts_ms >= ? AND ts_ms <= ?` range conditions on the
 * covering index, and `residual` is the filter without the timestamp leaves those bounds already
 * imply (null when nothing is left). `range AND residual` selects exactly what `filter` selects.
 */
export interface TimeWindow {
  lower: number | null;
  upper: number | null;
  residual: Filter | null;
}

/**
 * Splits a filter into its guaranteed time bounds and the rest (see TimeWindow). Times are whole
 * milliseconds, so a strict bound is the inclusive one a millisecond inside (`lt X` is `<= X - 1`):
 * the compared window's `lt` end and a `gt` start then become range conditions too, instead of a
 * residual filter that would, for a metric, join every evaluation to its call. Pure, total.
 */
export function splitTimeWindow(filter: Filter | null, now: Date): TimeWindow {
  const lowers: number[] = [];
  const uppers: number[] = [];
  for (const leaf of guaranteedTimestampLeaves(filter)) {
    const value = resolveTimeValue(leaf.value, leaf.op, now)?.getTime();
    if (value === undefined) continue;
    if (leaf.op === 'gte') lowers.push(value);
    else if (leaf.op === 'gt') lowers.push(value + 1);
    else if (leaf.op === 'lte') uppers.push(value);
    else if (leaf.op === 'lt') uppers.push(value - 1);
  }
  const lower = lowers.length === 0 ? null : Math.max(...lowers);
  const upper = uppers.length === 0 ? null : Math.min(...uppers);
  return { lower, upper, residual: filter === null ? null : prune(filter, lower, upper, now) };
}

/** Whether `ts >= lower AND ts <= upper` (whole milliseconds) implies this timestamp leaf. */
function isImplied(leaf: Filter, lower: number | null, upper: number | null, now: Date): boolean {
  if (isFilterGroup(leaf) || leaf.field !== 'timestamp') return false;
  const value = resolveTimeValue(leaf.value, leaf.op, now)?.getTime();
  if (value === undefined) return false;
  if (lower !== null && leaf.op === 'gte') return lower >= value;
  if (lower !== null && leaf.op === 'gt') return lower > value;
  if (upper !== null && leaf.op === 'lte') return upper <= value;
  if (upper !== null && leaf.op === 'lt') return upper < value;
  return false;
}

/** Drops implied leaves reachable through `and` groups only (the ones the bounds came from). */
function prune(filter: Filter, lower: number | null, upper: number | null, now: Date): Filter | null {
  if (!isFilterGroup(filter)) return isImplied(filter, lower, upper, now) ? null : filter;
  if (filter.operator !== 'and') return filter;
  const kept = filter.conditions
    .map((child) => prune(child, lower, upper, now))
    .filter((child): child is Filter => child !== null);
  if (kept.length === 0) return null;
  if (kept.length === filter.conditions.length) return filter;
  return { operator: 'and', conditions: kept };
}

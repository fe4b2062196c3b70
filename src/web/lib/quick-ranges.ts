import type { FilterCondition } from '../../contract/filter-schema.ts';

/**
 * The quick date ranges, offered when a dashboard is created and on its control bar, written as
 * rolling relative times (`timestamp gte now-N`, `lte now`). `ms` is the length of the window, to
 * recognise other spellings of the same window (`now-1w` is `now-7d`; `today-7d` is not).
 */
export const QUICK_RANGES = [
  { id: '1h', label: 'Last 1 hour', from: 'now-1h', ms: 3_600_000 },
  { id: '24h', label: 'Last 24 hours', from: 'now-24h', ms: 86_400_000 },
  { id: '7d', label: 'Last 7 days', from: 'now-7d', ms: 7 * 86_400_000 },
  { id: '30d', label: 'Last 30 days', from: 'now-30d', ms: 30 * 86_400_000 },
] as const;
export type QuickRangeId = (typeof QUICK_RANGES)[number]['id'];
export type QuickRange = (typeof QUICK_RANGES)[number];

/** A quick range by id; an unknown id gives "Last 7 days". Total. */
export function quickRange(id: string): QuickRange {
  return QUICK_RANGES.find((range) => range.id === id) ?? QUICK_RANGES[2];
}

/** The two timestamp conditions a quick range is written as. */
export function quickRangeConditions(id: QuickRangeId): FilterCondition[] {
  return [
    { field: 'timestamp', op: 'gte', value: quickRange(id).from },
    { field: 'timestamp', op: 'lte', value: 'now' },
  ];
}

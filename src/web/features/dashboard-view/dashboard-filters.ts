import { isFilterGroup, type Filter, type FilterCondition } from '../../../contract/filter-schema.ts';

/** The quick ranges of the control bar, written as relative times (`timestamp gte now-N`, `lte now`). */
export const QUICK_RANGES = [
  { id: '1h', label: 'Last 1 hour', from: 'now-1h' },
  { id: '24h', label: 'Last 24 hours', from: 'now-24h' },
  { id: '7d', label: 'Last 7 days', from: 'now-7d' },
  { id: '30d', label: 'Last 30 days', from: 'now-30d' },
] as const;
export type QuickRangeId = (typeof QUICK_RANGES)[number]['id'];

/** Other spellings of the same quick ranges (the Cekura guide writes "Last 7 days" as `today-7d`). */
const RANGE_ALIASES: Record<string, QuickRangeId> = {
  'now-60m': '1h',
  'now-1d': '24h',
  'now-1440m': '24h',
  'now-1w': '7d',
  'now-168h': '7d',
  'today-7d': '7d',
  'now-720h': '30d',
};

export type DateRange =
  | { kind: 'quick'; id: QuickRangeId }
  | { kind: 'absolute'; from: string; to: string | null }
  /** Bounds we can show but not map to a control value (e.g. `now-3d`, or only an upper bound). */
  | { kind: 'other'; from: string | null; to: string | null };

/** A dashboard's filters split into the parts the control bar edits and the rest (shown as chips). */
export interface DashboardFilterParts {
  range: DateRange | null;
  /** D20: `agent.id in [...]`; null when the dashboard does not filter on agents. */
  agentIds: number[] | null;
  /** Every other top-level condition, in order. */
  rest: Filter[];
}

function topLevel(filter: Filter | null | undefined): Filter[] {
  if (filter == null) return [];
  if (isFilterGroup(filter) && filter.operator === 'and') return filter.conditions;
  return [filter];
}

function isTimestampBound(filter: Filter, ops: readonly string[]): filter is FilterCondition {
  return !isFilterGroup(filter) && filter.field === 'timestamp' && ops.includes(filter.op);
}

function agentIdsOf(filter: Filter): number[] | null {
  if (isFilterGroup(filter) || filter.field !== 'agent.id') return null;
  if (filter.op === 'in' && Array.isArray(filter.value) && filter.value.every((v) => typeof v === 'number'))
    return filter.value.map(Number);
  if (filter.op === 'eq' && typeof filter.value === 'number') return [filter.value];
  return null;
}

/**
 * Splits dashboard filters (a root `and`, a lone condition, or anything else) into the date range,
 * the agent filter and the rest. Only top-level conditions of a root `and` are taken apart: a bound
 * inside an `or` is not a range of the whole dashboard, so it stays in `rest`. Total.
 */
export function splitDashboardFilters(filter: Filter | null | undefined): DashboardFilterParts {
  const conditions = topLevel(filter);
  const lower = conditions.find((c) => isTimestampBound(c, ['gte', 'gt']));
  const upper = conditions.find((c) => isTimestampBound(c, ['lte', 'lt']));
  const agent = conditions.find((c) => agentIdsOf(c) !== null);
  const rest = conditions.filter((c) => c !== lower && c !== upper && c !== agent);
  return {
    range: readRange(lower, upper),
    agentIds: agent ? agentIdsOf(agent) : null,
    rest,
  };
}

function readRange(lower: Filter | undefined, upper: Filter | undefined): DateRange | null {
  const from = lower && !isFilterGroup(lower) && typeof lower.value === 'string' ? lower.value : null;
  const to = upper && !isFilterGroup(upper) && typeof upper.value === 'string' ? upper.value : null;
  if (from === null && to === null) return null;
  if (from !== null && (to === null || to === 'now')) {
    const quick = QUICK_RANGES.find((r) => r.from === from)?.id ?? RANGE_ALIASES[from];
    if (quick) return { kind: 'quick', id: quick };
  }
  if (from !== null && isAbsolute(from) && (to === null || isAbsolute(to)))
    return { kind: 'absolute', from, to };
  return { kind: 'other', from, to };
}

function isAbsolute(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}/.test(value);
}

/** The timestamp conditions of a range: quick ranges end at `now`, absolute ones at their `to`. */
export function rangeConditions(range: DateRange): FilterCondition[] {
  switch (range.kind) {
    case 'quick': {
      const quick = QUICK_RANGES.find((r) => r.id === range.id) ?? QUICK_RANGES[2];
      return [
        { field: 'timestamp', op: 'gte', value: quick.from },
        { field: 'timestamp', op: 'lte', value: 'now' },
      ];
    }
    case 'absolute':
    case 'other':
      return [
        ...(range.from === null ? [] : [{ field: 'timestamp', op: 'gte' as const, value: range.from }]),
        ...(range.to === null ? [] : [{ field: 'timestamp', op: 'lte' as const, value: range.to }]),
      ];
  }
}

/**
 * Joins the parts back into dashboard filters: `and[range…, agent.id in […], rest…]`, or null when
 * nothing is left. An empty agent list means no agent filter (all agents).
 */
export function joinDashboardFilters(parts: DashboardFilterParts): Filter | null {
  const conditions: Filter[] = [
    ...(parts.range ? rangeConditions(parts.range) : []),
    ...(parts.agentIds && parts.agentIds.length > 0
      ? [{ field: 'agent.id', op: 'in' as const, value: [...parts.agentIds] }]
      : []),
    ...parts.rest,
  ];
  return conditions.length === 0 ? null : { operator: 'and', conditions };
}

/** The rest as one filter for the "Edit dashboard filters" dialog (null, a lone condition, or `and`). */
export function restAsFilter(rest: readonly Filter[]): Filter | null {
  if (rest.length === 0) return null;
  if (rest.length === 1) return rest[0] ?? null;
  return { operator: 'and', conditions: [...rest] };
}

/** The dialog's filter back into top-level conditions: a root `and` is unwrapped, so chips stay readable. */
export function restFromFilter(filter: Filter | null): Filter[] {
  if (filter === null) return [];
  return isFilterGroup(filter) && filter.operator === 'and' ? [...filter.conditions] : [filter];
}

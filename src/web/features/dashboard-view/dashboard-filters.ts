import { isFilterGroup, type Filter, type FilterCondition } from '../../../contract/filter-schema.ts';
import {
  describeLastPeriod,
  describeTimeInSentence,
  parseTimeValue,
} from '../../../contract/relative-time.ts';
import { QUICK_RANGES, quickRange, quickRangeConditions, type QuickRangeId } from '../../lib/quick-ranges.ts';

export type DateRange =
  | { kind: 'quick'; id: QuickRangeId }
  | { kind: 'absolute'; from: string; to: string | null }
  /** Bounds we can show but not map to a control value (e.g. `today-7d`, or only an upper bound). */
  | { kind: 'other'; from: string | null; to: string | null };

/** A dashboard's filters split into the parts the control bar edits and the rest (shown as chips). */
export interface DashboardFilterParts {
  range: DateRange | null;
  /** D20: `agent.id in [...]`; null when the dashboard does not filter on agents. */
  agentIds: number[] | null;
  /** Every other top-level condition, in order. */
  rest: Filter[];
}

/** One edit of the control bar or the filters dialog: the part it replaces. */
export type DashboardFilterChange =
  | { part: 'range'; range: DateRange }
  | { part: 'agents'; agentIds: number[] }
  | { part: 'rest'; rest: Filter[] };

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

/** The top-level conditions and which of them are the range bounds and the agent filter. */
function locateParts(filter: Filter | null | undefined) {
  const conditions = topLevel(filter);
  const lower = conditions.find((c) => isTimestampBound(c, ['gte', 'gt']));
  const upper = conditions.find((c) => isTimestampBound(c, ['lte', 'lt']));
  const agent = conditions.find((c) => agentIdsOf(c) !== null);
  return { conditions, lower, upper, agent };
}

/**
 * Splits dashboard filters (a root `and`, a lone condition, or anything else) into the date range,
 * the agent filter and the rest. Only top-level conditions of a root `and` are taken apart: a bound
 * inside an `or` is not a range of the whole dashboard, so it stays in `rest`. Total.
 */
export function splitDashboardFilters(filter: Filter | null | undefined): DashboardFilterParts {
  const { conditions, lower, upper, agent } = locateParts(filter);
  return {
    range: readRange(lower, upper),
    agentIds: agent ? agentIdsOf(agent) : null,
    rest: conditions.filter((c) => c !== lower && c !== upper && c !== agent),
  };
}

function readRange(lower: Filter | undefined, upper: Filter | undefined): DateRange | null {
  const from = lower && !isFilterGroup(lower) && typeof lower.value === 'string' ? lower.value : null;
  const to = upper && !isFilterGroup(upper) && typeof upper.value === 'string' ? upper.value : null;
  if (from === null && to === null) return null;
  if (from !== null && (to === null || to === 'now')) {
    const quick = quickRangeOf(from);
    if (quick) return { kind: 'quick', id: quick };
  }
  if (from !== null && isAbsolute(from) && (to === null || isAbsolute(to)))
    return { kind: 'absolute', from, to };
  return { kind: 'other', from, to };
}

const FIXED_UNIT_MS: Partial<Record<string, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/**
 * The quick range a lower bound spells, when it is a rolling window of exactly that length (`now-7d`,
 * `now-1w`, `now-168h`). `today-7d` starts at midnight UTC and `now-1M` is a calendar month: other
 * windows, so they are not shown as a quick range.
 */
function quickRangeOf(from: string): QuickRangeId | null {
  const parsed = parseTimeValue(from);
  if (parsed?.kind !== 'relative' || parsed.anchor !== 'now') return null;
  const unitMs = FIXED_UNIT_MS[parsed.unit];
  if (unitMs === undefined) return null;
  return QUICK_RANGES.find((range) => range.ms === parsed.amount * unitMs)?.id ?? null;
}

function isAbsolute(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}/.test(value);
}

/** The timestamp conditions of a range: quick ranges end at `now`, absolute ones at their `to`. */
export function rangeConditions(range: DateRange): FilterCondition[] {
  switch (range.kind) {
    case 'quick':
      return quickRangeConditions(range.id);
    case 'absolute':
    case 'other':
      return [
        ...(range.from === null ? [] : [{ field: 'timestamp', op: 'gte' as const, value: range.from }]),
        ...(range.to === null ? [] : [{ field: 'timestamp', op: 'lte' as const, value: range.to }]),
      ];
  }
}

/** Where a range starts, as a filter time value (`now-7d`, an ISO date); null without a lower bound. */
export function rangeStart(range: DateRange | null): string | null {
  if (range === null) return null;
  const lower = rangeConditions(range).find((c) => c.op === 'gte' || c.op === 'gt');
  return typeof lower?.value === 'string' ? lower.value : null;
}

/**
 * The dashboard filters after one edit: only the changed part is rewritten, in the place it had;
 * every other stored condition is written back exactly as stored (a `today-7d` is never turned into
 * `now-7d` because the analyst added a chip). A new range goes first, a new agent filter after the
 * range, the rest after the range and agents. An empty agent list means no agent filter (all agents).
 * Null when nothing is left. Total.
 */
export function updateDashboardFilters(
  stored: Filter | null | undefined,
  change: DashboardFilterChange,
): Filter | null {
  const { conditions, lower, upper, agent } = locateParts(stored);
  const indexOf = (condition: Filter | undefined) => (condition ? conditions.indexOf(condition) : -1);
  let next: Filter[];
  switch (change.part) {
    case 'range': {
      const bounds = [indexOf(lower), indexOf(upper)].filter((index) => index >= 0);
      const at = bounds.length > 0 ? Math.min(...bounds) : 0;
      next = conditions.filter((c) => c !== lower && c !== upper);
      next.splice(at, 0, ...rangeConditions(change.range));
      break;
    }
    case 'agents': {
      const written: Filter[] =
        change.agentIds.length > 0 ? [{ field: 'agent.id', op: 'in', value: [...change.agentIds] }] : [];
      next = [...conditions];
      if (agent) next.splice(indexOf(agent), 1, ...written);
      else next.splice(Math.max(indexOf(lower), indexOf(upper)) + 1, 0, ...written);
      break;
    }
    case 'rest':
      next = [...conditions.filter((c) => c === lower || c === upper || c === agent), ...change.rest];
      break;
  }
  return next.length === 0 ? null : { operator: 'and', conditions: next };
}

/**
 * A range in words, for the date-range control: the quick range's label, "Last 7 days (from
 * midnight UTC)" for `today-7d` to now (a different window from the rolling "Last 7 days"), "Last 3
 * days" for other rolling windows, else "From … to …". Total.
 */
export function describeDateRange(range: DateRange | null): string {
  if (range === null) return 'No date range';
  if (range.kind === 'quick') return quickRange(range.id).label;
  const endsNow = range.to === null || range.to === 'now';
  const from = range.from === null ? null : parseTimeValue(range.from);
  if (endsNow && from?.kind === 'relative') {
    if (from.anchor === 'today') {
      const days = from.amount === 0 ? 'Today' : capitalise(describeLastPeriod(from.amount, from.unit));
      return `${days} (from midnight UTC)`;
    }
    return capitalise(describeLastPeriod(from.amount, from.unit));
  }
  const start = range.from === null ? 'the start' : describeTimeInSentence(range.from);
  const end = range.to === null ? 'now' : describeTimeInSentence(range.to);
  return `From ${start} to ${end}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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

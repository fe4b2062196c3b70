import { FILTER_OP_LABELS, lookupField } from '../../../contract/field-catalogue.ts';
import {
  isFilterGroup,
  type Filter,
  type FilterCondition,
  type FilterOp,
} from '../../../contract/filter-schema.ts';
import type { Metric } from '../../../contract/metric-schema.ts';
import {
  describeLastPeriod,
  describeTimeInSentence,
  parseTimeValue,
} from '../../../contract/relative-time.ts';

export interface SummaryOptions {
  readonly metrics?: readonly Metric[];
}

const NUMERIC_SYMBOLS: Partial<Record<FilterOp, string>> = {
  eq: '=',
  neq: '≠',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
};

/** A time condition reads as a sentence about the calls: "Calls since midnight UTC 7 days ago". */
const TIME_WORDS: Partial<Record<FilterOp, string>> = {
  eq: 'at',
  gt: 'after',
  gte: 'since',
  lt: 'before',
  lte: 'until',
};

const MAX_LISTED = 4;

/**
 * A one-line plain-English reading of a wire filter, e.g.
 * `Success is true AND (Duration ≥ 120 s OR Ended reason contains "timeout") in the last 7 days`.
 * The time bounds at the top level (a lone `timestamp` bound, or `timestamp` bounds directly in a
 * root `and`) become one range phrase at the end; everything else is read in place. Total.
 */
export function summarizeFilter(filter: Filter | null | undefined, options: SummaryOptions = {}): string {
  if (filter == null) return 'All calls (no filters)';
  const { rest, lower, upper } = splitTimeRange(filter);
  const range = lower || upper ? describeRange(lower, upper) : '';
  const body = rest === null ? '' : describeNode(rest, options, true);
  if (body === '') return range === '' ? 'All calls' : capitalise(range);
  return range === '' ? body : `${body} ${range}`;
}

function isBound(filter: Filter, ops: readonly FilterOp[]): filter is FilterCondition {
  return !isFilterGroup(filter) && filter.field === 'timestamp' && ops.includes(filter.op);
}

/** Takes at most one lower and one upper `timestamp` bound off the top level; the rest stays. */
function splitTimeRange(filter: Filter): {
  rest: Filter | null;
  lower: FilterCondition | null;
  upper: FilterCondition | null;
} {
  if (!isFilterGroup(filter)) {
    if (isBound(filter, ['gt', 'gte'])) return { rest: null, lower: filter, upper: null };
    if (isBound(filter, ['lt', 'lte'])) return { rest: null, lower: null, upper: filter };
    return { rest: filter, lower: null, upper: null };
  }
  if (filter.operator !== 'and') return { rest: filter, lower: null, upper: null };
  const lowers = filter.conditions.filter((child) => isBound(child, ['gt', 'gte']));
  const uppers = filter.conditions.filter((child) => isBound(child, ['lt', 'lte']));
  const lower = lowers.length === 1 ? (lowers[0] ?? null) : null;
  const upper = uppers.length === 1 ? (uppers[0] ?? null) : null;
  const conditions = filter.conditions.filter((child) => child !== lower && child !== upper);
  const [only] = conditions;
  const rest =
    conditions.length === 0 ? null : conditions.length === 1 && only ? only : { ...filter, conditions };
  return {
    rest,
    lower: lower && isBound(lower, ['gt', 'gte']) ? lower : null,
    upper: upper && isBound(upper, ['lt', 'lte']) ? upper : null,
  };
}

function timeText(condition: FilterCondition): string {
  return typeof condition.value === 'string'
    ? describeTimeInSentence(condition.value)
    : JSON.stringify(condition.value);
}

/** Whether an upper bound just means "up to the present" (`now`, or the end of `today`). */
function isOpenEnded(upper: FilterCondition | null): boolean {
  if (!upper) return true;
  if (typeof upper.value !== 'string') return false;
  const parsed = parseTimeValue(upper.value);
  return parsed?.kind === 'relative' && parsed.amount === 0;
}

function describeRange(lower: FilterCondition | null, upper: FilterCondition | null): string {
  const parsed = lower && typeof lower.value === 'string' ? parseTimeValue(lower.value) : null;
  if (parsed?.kind === 'relative' && isOpenEnded(upper)) {
    if (parsed.amount === 0) return parsed.anchor === 'today' ? 'today' : 'from now on';
    return `in the ${describeLastPeriod(parsed.amount, parsed.unit)}`;
  }
  if (lower && upper) return `from ${timeText(lower)} to ${timeText(upper)}`;
  if (lower) return `since ${timeText(lower)}`;
  return upper ? `until ${timeText(upper)}` : '';
}

function describeNode(filter: Filter, options: SummaryOptions, top: boolean): string {
  if (!isFilterGroup(filter)) return describeCondition(filter, options);
  if (filter.conditions.length === 0) return '(empty group)';
  const [only] = filter.conditions;
  if (filter.conditions.length === 1 && only && filter.operator !== 'same_row') {
    return describeNode(only, options, top);
  }
  const joiner = filter.operator === 'or' ? ' OR ' : ' AND ';
  const inner = filter.conditions.map((child) => describeNode(child, options, false)).join(joiner);
  if (filter.operator === 'same_row') return `(${inner}, in the same evaluation)`;
  return top ? inner : `(${inner})`;
}

function quoteText(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (value === null || value === undefined) return '(no value)';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** One condition read aloud: `Duration ≥ 120 s`, `Topic is one of "a", "b"`. Total. */
export function describeCondition(condition: FilterCondition, options: SummaryOptions = {}): string {
  const { field, op, value } = condition;
  const spec = lookupField(field);
  const label = field === '' ? '(no field)' : (spec?.label ?? field);
  const metricName = (id: unknown) => options.metrics?.find((metric) => metric.id === id)?.name;
  const showValue = (item: unknown): string => {
    if (field === 'metric_evaluations.metric.id') {
      const name = metricName(item);
      if (name !== undefined) return `"${name}"`;
    }
    if (field === 'timestamp' && typeof item === 'string') return describeTimeInSentence(item);
    if (spec?.unit && typeof item === 'number') return `${item} ${spec.unit}`;
    return quoteText(item);
  };
  if (op === 'isnull') return value === false ? `${label} is not empty` : `${label} is empty`;
  if (op === 'in') {
    const items = Array.isArray(value) ? value : [value];
    const listed = items.slice(0, MAX_LISTED).map(showValue).join(', ');
    const more = items.length > MAX_LISTED ? ` and ${items.length - MAX_LISTED} more` : '';
    return `${label} is one of ${listed || '(nothing)'}${more}`;
  }
  if (field === 'timestamp') {
    const word = TIME_WORDS[op];
    return word
      ? `Calls ${word} ${showValue(value)}`
      : `${label} ${FILTER_OP_LABELS[op]} ${showValue(value)}`;
  }
  const symbol = NUMERIC_SYMBOLS[op];
  const numeric =
    spec?.dataType === 'numeric' || (spec?.valueType === 'dynamic' && typeof value === 'number');
  if (symbol && numeric && field !== 'metric_evaluations.metric.id' && field !== 'agent.id') {
    return `${label} ${symbol} ${showValue(value)}`;
  }
  return `${label} ${FILTER_OP_LABELS[op]} ${showValue(value)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

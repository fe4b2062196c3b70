import type { AggregationFunction } from '../../../../contract/enums.ts';
import { TIME_PERIOD_LABELS } from '../../../../contract/enums.ts';
import { mergeFilters } from '../../../../contract/effective-filters.ts';
import { FILTER_OP_LABELS, lookupField, metadataKeyOf } from '../../../../contract/field-catalogue.ts';
import { isFilterGroup, type Filter, type FilterCondition } from '../../../../contract/filter-schema.ts';
import type { Metric } from '../../../../contract/metric-schema.ts';
import {
  describeLastPeriod,
  describeTimeInSentence,
  parseTimeValue,
} from '../../../../contract/relative-time.ts';
import { formatInterval } from '../form/bucket-intervals.ts';
import type { WidgetDraft } from './widget-form-model.ts';

export interface DescribeContext {
  /** The chosen metric, for `metric_evaluations.value` widgets. */
  metric?: Metric | null;
  /** The dashboard's filters: the description covers the effective filter (D7). */
  dashboardFilters?: Filter | null;
}

/** Aggregation in a noun phrase: "Average duration", "95th percentile of duration". */
const AGGREGATION_PHRASES: Record<AggregationFunction, (subject: string) => string> = {
  count: () => 'Number of',
  sum: (s) => `Total ${s}`,
  avg: (s) => `Average ${s}`,
  min: (s) => `Minimum ${s}`,
  max: (s) => `Maximum ${s}`,
  p50: (s) => `Median ${s}`,
  p95: (s) => `95th percentile of ${s}`,
  p99: (s) => `99th percentile of ${s}`,
};

/** What is plotted, in lower case: "duration", "ended reason", "region", "“Sentiment”". */
function subjectOf(draft: WidgetDraft, metric: Metric | null | undefined): string {
  if (draft.field === 'metric_evaluations.value') return metric ? `“${metric.name}”` : 'the metric value';
  const key = metadataKeyOf(draft.field);
  if (key !== null) return `metadata “${key}”`;
  return (lookupField(draft.field)?.label ?? draft.field).toLowerCase();
}

/** Leaves that hold for every matching call (the root, or reachable through `and` groups only). */
function guaranteedLeaves(filter: Filter | null): FilterCondition[] | null {
  if (filter === null) return [];
  if (!isFilterGroup(filter)) return [filter];
  if (filter.operator !== 'and') return null;
  const parts = filter.conditions.map(guaranteedLeaves);
  return parts.some((part) => part === null) ? null : parts.flatMap((part) => part ?? []);
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'string') return `“${value}”`;
  return String(value);
}

function describeCondition(leaf: FilterCondition): string {
  const label = (lookupField(leaf.field)?.label ?? leaf.field).toLowerCase();
  if (leaf.op === 'isnull') return `${label} ${leaf.value === false ? 'is not empty' : 'is empty'}`;
  return `${label} ${FILTER_OP_LABELS[leaf.op]} ${formatValue(leaf.value)}`;
}

/** "successful calls", "failed calls where topic is “billing”", "calls matching 3 conditions". */
function describeCalls(filter: Filter | null): { calls: string; filtered: boolean } {
  const leaves = guaranteedLeaves(filter);
  if (leaves === null) return { calls: 'calls matching the filters', filtered: true };
  const others = leaves.filter((leaf) => leaf.field !== 'timestamp');
  const success = others.find((leaf) => leaf.field === 'success' && leaf.op === 'eq');
  const rest = others.filter((leaf) => leaf !== success);
  const noun =
    success?.value === true ? 'successful calls' : success?.value === false ? 'failed calls' : 'calls';
  const where = rest.length > 0 ? ` where ${rest.map(describeCondition).join(' and ')}` : '';
  return { calls: `${noun}${where}`, filtered: success !== undefined || rest.length > 0 };
}

/** "last 7 days", "from 3 days ago to Now", "" without a time filter. */
function describeTimeRange(filter: Filter | null): string {
  const leaves = (guaranteedLeaves(filter) ?? []).filter((leaf) => leaf.field === 'timestamp');
  const lower = leaves.find((leaf) => leaf.op === 'gte' || leaf.op === 'gt');
  const upper = leaves.find((leaf) => leaf.op === 'lte' || leaf.op === 'lt');
  if (lower === undefined || typeof lower.value !== 'string') return '';
  const start = parseTimeValue(lower.value);
  const upperValue = typeof upper?.value === 'string' ? upper.value : null;
  const endsNow = upperValue === null || upperValue === 'now' || upperValue === 'today';
  if (start?.kind === 'relative' && endsNow && start.amount > 0) {
    return describeLastPeriod(start.amount, start.unit);
  }
  const from = describeTimeInSentence(lower.value);
  return upperValue === null ? `since ${from}` : `from ${from} to ${describeTimeInSentence(upperValue)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A plain-English sentence saying what the widget shows, e.g. "Average duration per day of successful
 * calls, last 7 days, by agent". Covers every chart type, the effective filter (dashboard and widget,
 * D7), bucket grouping (D2) and field grouping (D1). Total: an incomplete draft still reads sensibly.
 */
export function describeWidget(draft: WidgetDraft, context: DescribeContext = {}): string {
  const filter = mergeFilters(context.dashboardFilters, draft.filters);
  const { calls, filtered } = describeCalls(filter);
  const subject = subjectOf(draft, context.metric);
  const bucket = draft.group_by?.type === 'bucket' ? draft.group_by : null;
  const period = bucket
    ? formatInterval(bucket.interval)
    : draft.time_period === ''
      ? null
      : TIME_PERIOD_LABELS[draft.time_period].toLowerCase();

  let measure: string;
  switch (draft.chart_type) {
    case 'stat':
      measure = `Summary of ${calls} (total, success rate, average duration, p95 latency)`;
      break;
    case 'pie':
      measure = `Share of ${calls} by ${subject}`;
      break;
    case 'line':
    case 'bar': {
      const aggregation =
        draft.aggregation_function !== ''
          ? draft.aggregation_function
          : draft.chart_type === 'line' && bucket
            ? 'avg'
            : null;
      const per = period && (draft.chart_type === 'bar' || bucket) ? ` per ${period}` : '';
      if (aggregation === 'count') {
        measure = `Number of ${calls}${per}`;
      } else if (aggregation !== null) {
        measure = `${AGGREGATION_PHRASES[aggregation](subject)}${per}${filtered ? ` of ${calls}` : ''}`;
      } else {
        measure = `${capitalise(subject)} of each ${filtered ? calls.replace(/calls/, 'call') : 'call'}`;
      }
      break;
    }
  }
  const parts = [capitalise(measure)];
  const range = describeTimeRange(filter);
  if (range !== '') parts.push(range);
  if (draft.group_by?.type === 'field' && draft.chart_type !== 'pie' && draft.chart_type !== 'stat') {
    parts.push(`by ${(lookupField(draft.group_by.field)?.label ?? draft.group_by.field).toLowerCase()}`);
  }
  return parts.join(', ');
}

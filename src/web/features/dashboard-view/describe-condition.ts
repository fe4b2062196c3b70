import { fieldLabel, FILTER_OP_LABELS } from '../../../contract/field-catalogue.ts';
import { isFilterGroup, type Filter, type FilterCondition } from '../../../contract/filter-schema.ts';
import { describeTimeInSentence, parseTimeValue } from '../../../contract/relative-time.ts';

const MAX_LISTED = 3;
const METRIC_ID_FIELD = 'metric_evaluations.metric.id';

/** The name of a metric by id, when the metrics list is at hand (undefined: show the id). */
export type MetricNameOf = (id: number) => string | undefined;

/**
 * A short readable text for one dashboard filter chip: `Success is true`, `Region is one of EU, APAC`,
 * `Duration at least 60`, or for a nested group `any of 2 conditions` / `all of 3 conditions`. Metric
 * ids are shown by name when `metricName` knows them (`Metric is Latency`), else as the id. Total.
 */
export function describeCondition(filter: Filter, metricName?: MetricNameOf): string {
  if (isFilterGroup(filter)) {
    const n = filter.conditions.length;
    const word =
      filter.operator === 'or' ? 'Any of' : filter.operator === 'same_row' ? 'Same evaluation:' : 'All of';
    if (n === 1 && filter.conditions[0]) return describeCondition(filter.conditions[0], metricName);
    return `${word} ${n} ${n === 1 ? 'condition' : 'conditions'}`;
  }
  const label = fieldLabel(filter.field);
  if (filter.op === 'isnull') return `${label} ${filter.value === false ? 'is not empty' : 'is empty'}`;
  return `${label} ${FILTER_OP_LABELS[filter.op]} ${describeValue(filter.field, filter.value, metricName)}`;
}

/**
 * Whether the chip of `filter` shows a metric id, which only the metrics list can turn into a name:
 * the chip's own condition (a lone condition, or the one condition of a group) is on the metric id.
 * Follows the same path as `describeCondition`, so a metric inside a multi-condition group (shown as
 * "All of 2 conditions") needs no name. Total.
 */
export function namesMetric(filter: Filter): boolean {
  const leaf = chipCondition(filter);
  return leaf !== null && leaf.field === METRIC_ID_FIELD && leaf.op !== 'isnull';
}

function chipCondition(filter: Filter): FilterCondition | null {
  if (!isFilterGroup(filter)) return filter;
  const only = filter.conditions.length === 1 ? filter.conditions[0] : undefined;
  return only ? chipCondition(only) : null;
}

function describeValue(field: string, value: unknown, metricName: MetricNameOf | undefined): string {
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_LISTED).map((v) => describeValue(field, v, metricName));
    return value.length > MAX_LISTED
      ? `${shown.join(', ')} +${value.length - MAX_LISTED} more`
      : shown.join(', ');
  }
  if (typeof value === 'string') {
    if (field === 'timestamp' && parseTimeValue(value)) return describeTimeInSentence(value);
    return value;
  }
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'number' && field === METRIC_ID_FIELD) return metricName?.(value) ?? String(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

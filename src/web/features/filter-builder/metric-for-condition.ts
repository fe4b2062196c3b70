import type { Metric } from '../../../contract/metric-schema.ts';
import { findLocation, type FilterNode, type FilterTree } from './filter-tree.ts';

/**
 * The metric a `metric_evaluations.value` condition is about: named by a sibling
 * `metric_evaluations.metric.id` or `.name` `eq` condition in the same group (the `same_row` idiom of
 * contract 5.4). Null for other fields, when no sibling names a metric, or when it is not in `metrics`.
 * Total.
 */
export function metricForCondition(tree: FilterTree, id: string, metrics: readonly Metric[]): Metric | null {
  const location = findLocation(tree, id);
  if (!location?.parent || location.node.kind !== 'condition') return null;
  if (location.node.field !== 'metric_evaluations.value') return null;
  return metricNamedIn(location.parent.conditions, metrics);
}

/**
 * The metric the conditions of one group name with `metric_evaluations.metric.id` or `.name` `eq`
 * (the first that is in `metrics`), or null. Total.
 */
export function metricNamedIn(conditions: readonly FilterNode[], metrics: readonly Metric[]): Metric | null {
  for (const sibling of conditions) {
    if (sibling.kind !== 'condition' || sibling.op !== 'eq') continue;
    if (sibling.field === 'metric_evaluations.metric.id') {
      const found = metrics.find((metric) => metric.id === sibling.value);
      if (found) return found;
    }
    if (sibling.field === 'metric_evaluations.metric.name') {
      const found = metrics.find((metric) => metric.name === sibling.value);
      if (found) return found;
    }
  }
  return null;
}

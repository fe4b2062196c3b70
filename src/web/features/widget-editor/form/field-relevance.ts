import type { ChartType } from '../../../../contract/enums.ts';
import type { GroupBy } from '../../../../contract/group-by-schema.ts';

/**
 * Which settings a chart type uses, per the contract's key rules (3.4), D1 and D2. These decide what
 * the form shows and what switching chart type clears; whether a value is *valid* is `checkWidget`'s
 * job. Kept in one place so the form and the adaptation can never disagree.
 */
export interface FieldRelevance {
  field: boolean;
  /** bar always; line only when a bucket group_by aggregates its points (D2). */
  aggregation: boolean;
  /** bar, unless a bucket group_by supplies the buckets (D2). */
  timePeriod: boolean;
  /** Field grouping draws one series per group on line and bar (D1); pie and stat ignore it. */
  groupByField: boolean;
  /** Time buckets apply to line and bar (D2). */
  groupByBucket: boolean;
}

export function fieldRelevance(chartType: ChartType, groupBy: GroupBy | null): FieldRelevance {
  const bucketed = groupBy?.type === 'bucket';
  const timeSeries = chartType === 'line' || chartType === 'bar';
  return {
    field: chartType !== 'stat',
    aggregation: chartType === 'bar' || (chartType === 'line' && bucketed),
    timePeriod: chartType === 'bar' && !bucketed,
    groupByField: timeSeries,
    groupByBucket: timeSeries,
  };
}

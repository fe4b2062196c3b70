import type { Filter } from '../../../contract/filter-schema.ts';
import { MetricSchema } from '../../../contract/metric-schema.ts';
import { describeCondition, summarizeFilter } from './summarize-filter.ts';

const lastWeek: Filter[] = [
  { field: 'timestamp', op: 'gte', value: 'today-7d' },
  { field: 'timestamp', op: 'lte', value: 'now' },
];
const metrics = [MetricSchema.parse({ id: 3, name: 'Politeness', eval_type: 'binary' })];

describe('summarizeFilter', () => {
  it.each<[string, Filter | null, string]>([
    ['no filter', null, 'All calls (no filters)'],
    [
      'the guide example with a week',
      {
        operator: 'and',
        conditions: [
          { field: 'success', op: 'eq', value: true },
          {
            operator: 'or',
            conditions: [
              { field: 'duration', op: 'gte', value: 120 },
              { field: 'call_ended_reason', op: 'contains', value: 'timeout' },
            ],
          },
          ...lastWeek,
        ],
      },
      'Success is true AND (Duration ≥ 120 s OR Ended reason contains "timeout") in the last 7 days',
    ],
    ['only a time range', { operator: 'and', conditions: lastWeek }, 'In the last 7 days'],
    ['a lone lower bound', { field: 'timestamp', op: 'gte', value: 'now-1h' }, 'In the last hour'],
    ['today', { field: 'timestamp', op: 'gte', value: 'today' }, 'Today'],
    [
      'an absolute range',
      {
        operator: 'and',
        conditions: [
          { field: 'timestamp', op: 'gte', value: '2025-11-03T10:30:00Z' },
          { field: 'timestamp', op: 'lt', value: '2025-11-05' },
        ],
      },
      'From 2025-11-03 10:30 UTC to 2025-11-05',
    ],
    [
      'a time bound inside an or stays in place',
      {
        operator: 'or',
        conditions: [
          { field: 'timestamp', op: 'lt', value: 'now-2d' },
          { field: 'topic', op: 'isnull', value: false },
        ],
      },
      'Calls before 2 days ago OR Topic is not empty',
    ],
    [
      'lists, metadata and metric names',
      {
        operator: 'and',
        conditions: [
          { field: 'metadata.region', op: 'in', value: ['US', 'EU', 'UK', 'FR', 'DE', 'IT'] },
          {
            operator: 'same_row',
            conditions: [
              { field: 'metric_evaluations.metric.id', op: 'eq', value: 3 },
              { field: 'metric_evaluations.value', op: 'eq', value: true },
            ],
          },
        ],
      },
      'Metadata: region is one of "US", "EU", "UK", "FR" and 2 more AND (Metric is "Politeness" AND Metric value is true, in the same evaluation)',
    ],
    ['an empty field', { field: '', op: 'eq', value: null }, '(no field) is (no value)'],
    ['an empty group', { operator: 'or', conditions: [] }, '(empty group)'],
  ])('%s', (_name, filter, expected) => {
    expect(summarizeFilter(filter, { metrics })).toBe(expected);
  });
});

describe('describeCondition: time conditions read as plain sentences', () => {
  it.each<[Filter & { field: string }, string]>([
    [{ field: 'timestamp', op: 'gte', value: 'today-7d' }, 'Calls since midnight UTC 7 days ago'],
    [{ field: 'timestamp', op: 'gt', value: '2025-11-03T10:30:00Z' }, 'Calls after 2025-11-03 10:30 UTC'],
    [{ field: 'timestamp', op: 'lte', value: 'now' }, 'Calls until now'],
    [{ field: 'timestamp', op: 'lt', value: 'today-1d' }, 'Calls before midnight UTC yesterday'],
  ])('%j → %s', (condition, expected) => {
    if (!('op' in condition)) throw new Error('a condition');
    expect(describeCondition(condition)).toBe(expected);
  });
});

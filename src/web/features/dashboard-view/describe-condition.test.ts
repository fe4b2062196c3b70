import { describe, expect, it } from 'vitest';
import type { Filter } from '../../../contract/filter-schema.ts';
import { describeCondition } from './describe-condition.ts';

describe('describeCondition', () => {
  it.each<{ filter: Filter; text: string }>([
    { filter: { field: 'success', op: 'eq', value: true }, text: 'Success is true' },
    { filter: { field: 'topic', op: 'isnull', value: false }, text: 'Topic is not empty' },
    { filter: { field: 'topic', op: 'isnull', value: true }, text: 'Topic is empty' },
    {
      filter: { field: 'metadata.region', op: 'in', value: ['EU', 'APAC'] },
      text: 'Metadata: region is one of EU, APAC',
    },
    {
      filter: { field: 'metadata.region', op: 'in', value: ['a', 'b', 'c', 'd', 'e'] },
      text: 'Metadata: region is one of a, b, c +2 more',
    },
    {
      filter: {
        operator: 'or',
        conditions: [
          { field: 'success', op: 'eq', value: true },
          { field: 'success', op: 'isnull', value: true },
        ],
      },
      text: 'Any of 2 conditions',
    },
    {
      filter: { operator: 'and', conditions: [{ field: 'success', op: 'eq', value: false }] },
      text: 'Success is false',
    },
    { filter: { field: 'unknown_field', op: 'eq', value: { a: 1 } }, text: 'unknown_field is {"a":1}' },
  ])('$text', ({ filter, text }) => {
    expect(describeCondition(filter)).toBe(text);
  });

  it.each<{ filter: Filter; text: string }>([
    { filter: { field: 'metric_evaluations.metric.id', op: 'eq', value: 3 }, text: 'Metric is Latency' },
    {
      filter: { field: 'metric_evaluations.metric.id', op: 'in', value: [3, 99] },
      text: 'Metric is one of Latency, 99',
    },
    { filter: { field: 'duration', op: 'eq', value: 3 }, text: 'Duration is 3' },
  ])('names metrics it knows: $text', ({ filter, text }) => {
    expect(describeCondition(filter, (id) => (id === 3 ? 'Latency' : undefined))).toBe(text);
  });

  it('shows a metric id as it is without the metrics list', () => {
    expect(describeCondition({ field: 'metric_evaluations.metric.id', op: 'eq', value: 3 })).toBe(
      'Metric is 3',
    );
  });
});

import { CHART_TYPES, type ChartType } from '../../../../contract/enums.ts';
import type { GroupBy } from '../../../../contract/group-by-schema.ts';
import { fieldRelevance } from './field-relevance.ts';

const groupings: [string, GroupBy | null][] = [
  ['none', null],
  ['field', { type: 'field', field: 'agent.id' }],
  ['bucket', { type: 'bucket', interval: 3_600_000 }],
];
const expected: Record<ChartType, Record<string, [boolean, boolean, boolean, boolean]>> = {
  // [field, aggregation, timePeriod, grouping]
  line: {
    none: [true, false, false, true],
    field: [true, false, false, true],
    bucket: [true, true, false, true],
  },
  bar: { none: [true, true, true, true], field: [true, true, true, true], bucket: [true, true, false, true] },
  pie: {
    none: [true, false, false, false],
    field: [true, false, false, false],
    bucket: [true, false, false, false],
  },
  stat: {
    none: [false, false, false, false],
    field: [false, false, false, false],
    bucket: [false, false, false, false],
  },
};

describe('fieldRelevance', () => {
  for (const chart of CHART_TYPES) {
    it.each(groupings)(`${chart} grouped by %s`, (name, groupBy) => {
      const r = fieldRelevance(chart, groupBy);
      expect([r.field, r.aggregation, r.timePeriod, r.groupByField]).toEqual(expected[chart][name]);
      expect(r.groupByBucket).toBe(r.groupByField);
    });
  }
});

import { describe, expect, it } from 'vitest';
import type { Filter } from '../../../contract/filter-schema.ts';
import type { ViewVariable } from '../../../contract/saved-view-schema.ts';
import { describeVariableContradiction } from './variable-contradictions.ts';

const NOW = new Date('2026-12-07T03:00:00.000Z');
const billingOnly: Filter = { field: 'topic', op: 'eq', value: 'billing' };

describe('describeVariableContradiction', () => {
  it.each<[string, ViewVariable[], Filter | null, RegExp | null]>([
    ['no widget filter', [{ field: 'topic', values: ['refunds'] }], null, null],
    ['no choice', [{ field: 'topic', values: [] }], billingOnly, null],
    ['a value the widget keeps', [{ field: 'topic', values: ['billing', 'refunds'] }], billingOnly, null],
    [
      'one other value',
      [{ field: 'topic', values: ['refunds'] }],
      billingOnly,
      /^The Topic variable contradicts this widget's own filter: .*cannot both be true\.$/,
    ],
    [
      'values the widget excludes',
      [
        { field: 'metadata.region', values: ['emea'] },
        { field: 'topic', values: ['refunds', 'sales'] },
      ],
      { operator: 'and', conditions: [{ field: 'success', op: 'eq', value: true }, billingOnly] },
      /^The Topic variable/,
    ],
    [
      'a widget filter in an or-group is not a contradiction',
      [{ field: 'topic', values: ['refunds'] }],
      { operator: 'or', conditions: [billingOnly, { field: 'success', op: 'eq', value: true }] },
      null,
    ],
    ['another field', [{ field: 'metadata.region', values: ['emea'] }], billingOnly, null],
  ])('%s', (_, variables, widgetFilter, expected) => {
    const message = describeVariableContradiction(variables, widgetFilter, NOW);
    if (expected === null) expect(message).toBeNull();
    else expect(message).toMatch(expected);
  });
});

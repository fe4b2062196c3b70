import { describe, expect, it } from 'vitest';
import { variableFieldOptions, variableLabel } from './variable-field-options.ts';

describe('variableFieldOptions', () => {
  it('offers the text and yes/no fields, then the metadata keys in use, without the taken ones', () => {
    const options = variableFieldOptions(
      [
        { field: 'metadata.region', group_by: null, filters: null },
        {
          field: 'duration',
          group_by: { type: 'field', field: 'metadata.campaign' },
          filters: { operator: 'and', conditions: [{ field: 'metadata.tier', op: 'eq', value: 'gold' }] },
        },
      ],
      { field: 'metadata.region', op: 'isnull', value: false },
      ['topic'],
    );
    expect(options.map((o) => o.field)).toEqual([
      'call_ended_reason',
      'dropoff_point',
      'success',
      'is_reviewed',
      'metadata.campaign',
      'metadata.region',
      'metadata.tier',
    ]);
    expect(options.every((o) => o.label.length > 0)).toBe(true);
  });

  it('ignores nested or malformed metadata paths and bucket groupings', () => {
    const options = variableFieldOptions(
      [{ field: 'metadata.a.b', group_by: { type: 'bucket', interval: 1000 }, filters: null }],
      null,
      [],
    );
    expect(options.map((o) => o.field)).toEqual([
      'topic',
      'call_ended_reason',
      'dropoff_point',
      'success',
      'is_reviewed',
    ]);
  });
});

describe('variableLabel', () => {
  it.each([
    ['metadata.region', 'Region'],
    ['metadata.call_type', 'Call type'],
    ['topic', 'Topic'],
    ['call_ended_reason', 'Ended reason'],
  ])('%s is %s', (field, label) => {
    expect(variableLabel(field)).toBe(label);
  });
});

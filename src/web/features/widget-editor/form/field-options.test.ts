import { fieldPickerGroups, metadataKeysInUse, metadataOptionForQuery } from './field-options.ts';

const summary = (groups: ReturnType<typeof fieldPickerGroups>) =>
  groups.map((g) => [g.id, g.options.map((o) => o.value)]);

describe('fieldPickerGroups', () => {
  it('offers numeric fields and the metric value for a line, the rest as other-chart fields', () => {
    const groups = fieldPickerGroups('line', []);
    expect(summary(groups)).toEqual([
      ['call', ['duration']],
      ['agent', ['agent_id']],
      ['metric', ['metric_evaluations.value']],
      ['other', ['success', 'is_reviewed', 'call_ended_reason', 'dropoff_point', 'topic']],
    ]);
    expect(groups.at(-1)?.options[0]?.reason).toBe('Switches the chart to Bar');
    expect(groups[0]?.options[0]?.detail).toBe('numeric');
  });

  it('offers boolean and text fields and metadata keys in use for a pie', () => {
    const groups = fieldPickerGroups('pie', ['region', 'region', 'tier']);
    expect(summary(groups)).toEqual([
      ['call', ['success', 'is_reviewed', 'call_ended_reason', 'dropoff_point', 'topic']],
      ['metadata', ['metadata.region', 'metadata.tier']],
      ['metric', ['metric_evaluations.value']],
      ['other', ['duration', 'agent_id']],
    ]);
    expect(groups.at(-1)?.options[0]?.reason).toBe('Switches the chart to Line');
  });

  it('offers everything for a bar', () => {
    expect(fieldPickerGroups('bar', []).some((g) => g.id === 'other')).toBe(false);
  });
});

describe('metadataOptionForQuery', () => {
  it.each([
    ['region', 'pie', 'metadata.region'],
    ['metadata.org_name', 'bar', 'metadata.org_name'],
    ['address.city', 'pie', null],
    ['9lives', 'pie', null],
    ['region', 'line', null],
  ] as const)('%s on %s', (query, chart, value) => {
    expect(metadataOptionForQuery(chart, query)?.options[0]?.value ?? null).toBe(value);
  });
});

describe('metadataKeysInUse', () => {
  it('collects top-level keys once', () => {
    expect(
      metadataKeysInUse(['metadata.region', 'duration', null, 'metadata.a.b', 'metadata.region']),
    ).toEqual(['region']);
  });
});

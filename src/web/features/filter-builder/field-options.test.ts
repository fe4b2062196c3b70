import { bestFieldOption, buildFieldOptions } from './field-options.ts';

const values = (query: string, keys: string[] = []) =>
  buildFieldOptions(query, keys).flatMap((group) => group.options.map((option) => option.value));

describe('buildFieldOptions', () => {
  it('groups every filterable field as Call, Agent, Metadata, Metric evaluation', () => {
    const groups = buildFieldOptions('', ['region']);
    expect(groups.map((group) => group.label)).toEqual(['Call', 'Agent', 'Metadata', 'Metric evaluation']);
    expect(values('', ['region'])).toContain('metadata.region');
    expect(values('')).not.toContain('agent_id');
    expect(values('')).toContain('metadata.');
  });

  it.each<[string, string[], string]>([
    ['success', [], 'success'],
    ['dur', [], 'duration'],
    ['ended', [], 'call_ended_reason'],
    ['agent', [], 'agent.id'],
    ['metric value', [], 'metric_evaluations.value'],
    ['reg', ['region'], 'metadata.region'],
    ['boolean', [], 'success'],
  ])('%j finds %s first', (query, keys, expected) => {
    expect(bestFieldOption(buildFieldOptions(query, keys))?.value).toBe(expected);
  });

  it('offers a typed metadata key only when it is a valid top-level key', () => {
    expect(values('plan_tier')).toContain('metadata.plan_tier');
    expect(values('metadata.plan_tier')).toContain('metadata.plan_tier');
    expect(values('address.city')).not.toContain('metadata.address.city');
    expect(values('zzz-unknown')).toEqual([]);
  });

  it('suggests only valid, distinct keys in use', () => {
    expect(values('', ['b', 'a', 'a', 'bad key']).filter((v) => v.startsWith('metadata.'))).toEqual([
      'metadata.a',
      'metadata.b',
      'metadata.',
    ]);
  });
});

import { MetricSchema } from '../../../../contract/metric-schema.ts';
import { compareConflict, hasClash } from './save-conflict.ts';
import { newWidgetDraft, type WidgetDraft } from '../draft/widget-form-model.ts';

const base: WidgetDraft = { ...newWidgetDraft(), name: 'Base' };
const metrics = [MetricSchema.parse({ id: 8, name: 'Latency', eval_type: 'numeric' })];

describe('compareConflict', () => {
  it('lists each changed field once with who changed it', () => {
    const theirs: WidgetDraft = { ...base, name: 'Theirs', chart_type: 'bar', aggregation_function: 'avg' };
    const mine: WidgetDraft = {
      ...base,
      name: 'Mine',
      chart_type: 'bar',
      field: 'metric_evaluations.value',
      metric: 8,
    };
    const rows = compareConflict(base, theirs, mine, metrics);
    expect(rows.map((r) => [r.key, r.change])).toEqual([
      ['name', 'both-different'],
      ['chart_type', 'both-same'],
      ['field', 'mine'],
      ['metric', 'mine'],
      ['aggregation_function', 'theirs'],
    ]);
    expect(rows[0]).toEqual({
      key: 'name',
      label: 'Name',
      base: 'Base',
      theirs: 'Theirs',
      mine: 'Mine',
      change: 'both-different',
    });
    expect(rows.find((r) => r.key === 'metric')?.mine).toBe('Latency');
    expect(rows.find((r) => r.key === 'aggregation_function')?.theirs).toBe('Average');
    expect(hasClash(rows)).toBe(true);
  });

  it('has no rows and no clash when nobody changed anything', () => {
    const rows = compareConflict(base, { ...base }, { ...base });
    expect(rows).toEqual([]);
    expect(hasClash(rows)).toBe(false);
  });

  it('reports only their changes when mine are elsewhere', () => {
    const rows = compareConflict(base, { ...base, time_period: 'week' }, { ...base, name: 'Mine' });
    expect(hasClash(rows)).toBe(false);
    expect(rows.map((r) => r.change)).toEqual(['mine', 'theirs']);
  });
});

import { DEFAULT_WIDGET_DISPLAY } from '../../../../contract/widget-display.ts';
import { WIDGET_READ_ONLY_FIELDS } from '../../../../contract/widget-schema.ts';
import { changedDraftKeys, describeChangedKeys, diffWidget } from './diff-widget.ts';
import { makeWidget } from '../../../test-support/make-widget.ts';
import { widgetToDraft, type WidgetDraft } from '../draft/widget-form-model.ts';

const widget = makeWidget({
  filters: { operator: 'and', conditions: [{ field: 'success', op: 'eq', value: true }] },
});
const saved = widgetToDraft(widget);

describe('diffWidget', () => {
  const cases: [string, Partial<WidgetDraft>, Record<string, unknown>][] = [
    ['nothing changed', {}, {}],
    ['name', { name: 'New' }, { name: 'New' }],
    ['name emptied → null', { name: '' }, { name: null }],
    [
      'chart type with its dependants',
      { chart_type: 'bar', aggregation_function: 'p95', time_period: 'day' },
      { chart_type: 'bar', aggregation_function: 'p95', time_period: 'day' },
    ],
    [
      'group by',
      { group_by: { type: 'bucket', interval: 60_000 } },
      { group_by: { type: 'bucket', interval: 60_000 } },
    ],
    ['data type back to inferred', { data_type: '' }, { data_type: null }],
    ['filters removed', { filters: null }, { filters: null }],
    [
      'metric',
      { field: 'metric_evaluations.value', metric: 8 },
      { field: 'metric_evaluations.value', metric: 8 },
    ],
    [
      'display options → whole metadata with unknown keys kept',
      { display: { ...DEFAULT_WIDGET_DISPLAY, color: 'rose' } },
      {
        metadata: {
          layout: { x: 0, y: 0, w: 6, h: 4 },
          owner_note: 'keep me',
          display: { ...DEFAULT_WIDGET_DISPLAY, color: 'rose' },
        },
      },
    ],
  ];
  it.each(cases)('%s', (_name, change, patch) => {
    const body = diffWidget(saved, { ...saved, ...change }, widget);
    expect(body).toEqual(patch);
    for (const key of WIDGET_READ_ONLY_FIELDS) expect(body).not.toHaveProperty(key);
  });

  it('treats a filter with reordered keys as unchanged', () => {
    const reordered: WidgetDraft = {
      ...saved,
      filters: { conditions: [{ value: true, op: 'eq', field: 'success' }], operator: 'and' },
    };
    expect(diffWidget(saved, reordered, widget)).toEqual({});
  });

  it('merges display onto the metadata it writes over (theirs on Overwrite), not the stale copy', () => {
    const theirs = makeWidget({ metadata: { layout: { x: 6, y: 0, w: 6, h: 4 }, added_by_them: 1 } });
    const body = diffWidget(saved, { ...saved, display: { ...DEFAULT_WIDGET_DISPLAY, unit: 's' } }, theirs);
    expect(body.metadata).toEqual({
      layout: { x: 6, y: 0, w: 6, h: 4 },
      added_by_them: 1,
      display: { ...DEFAULT_WIDGET_DISPLAY, unit: 's' },
    });
  });
});

describe('changedDraftKeys', () => {
  it('lists changes in form order', () => {
    const keys = changedDraftKeys(saved, { ...saved, filters: null, name: 'x', chart_type: 'bar' });
    expect(keys).toEqual(['name', 'chart_type', 'filters']);
    expect(describeChangedKeys(keys)).toBe('Name, Chart type and Filters');
    expect(describeChangedKeys(['field'])).toBe('Field');
    expect(describeChangedKeys([])).toBe('');
  });
});

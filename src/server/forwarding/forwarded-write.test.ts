import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../contract/dashboard-schema.ts';
import type { Widget } from '../../contract/widget-schema.ts';
import { classifyForwardedWrite, stateAfterWrite } from './forwarded-write.ts';

describe('classifyForwardedWrite', () => {
  it.each([
    ['POST', '/dashboards/dashboards/', { kind: 'dashboard-create' }],
    ['PATCH', '/dashboards/dashboards/7/', { kind: 'dashboard-update', dashboardId: 7 }],
    ['PUT', '/dashboards/dashboards/7/', { kind: 'dashboard-update', dashboardId: 7 }],
    ['POST', '/dashboards/dashboards/7/duplicate/', { kind: 'dashboard-duplicate', dashboardId: 7 }],
    ['POST', '/dashboards/dashboards/7/bulk_widgets/', { kind: 'bulk-widgets', dashboardId: 7 }],
    ['POST', '/dashboards/widgets/', { kind: 'widget-create' }],
    ['patch', '/dashboards/widgets/12/', { kind: 'widget-update', widgetId: 12 }],
    ['DELETE', '/dashboards/widgets/12/', { kind: 'widget-delete', widgetId: 12 }],
    ['DELETE', '/dashboards/dashboards/7/', null],
    ['GET', '/dashboards/widgets/12/', null],
    ['POST', '/dashboards/widgets/preview_data/', null],
    ['POST', '/dashboards/widgets/bulk_data/', null],
    ['PATCH', '/dashboards/widgets/12', null],
  ])('%s %s', (method, path, expected) => {
    expect(classifyForwardedWrite(method, path)).toEqual(expected);
  });
});

const widget = (id: number, name: string): Widget => ({
  id,
  name,
  dashboard: 1,
  chart_type: 'stat',
  filters: null,
  data_type: null,
  field: '',
  metric: null,
  time_period: null,
  aggregation_function: null,
  group_by: null,
  metadata: null,
  effective_filters: null,
  created_at: null,
  updated_at: null,
});
const base: Dashboard = {
  id: 1,
  name: 'D',
  project: 1,
  filters: null,
  widget_count: 2,
  created_at: null,
  updated_at: null,
  widgets: [widget(2, 'b'), widget(3, 'c')],
};

describe('stateAfterWrite', () => {
  it('puts a saved widget in, in id order, and counts the widgets', () => {
    const after = stateAfterWrite({ kind: 'widget-create' }, base, widget(1, 'a'));
    expect(after?.widgets.map((w) => w.id)).toEqual([1, 2, 3]);
    expect(after?.widget_count).toBe(3);
  });
  it('takes a deleted widget out and applies a bulk answer', () => {
    expect(stateAfterWrite({ kind: 'widget-delete', widgetId: 2 }, base, undefined)?.widgets).toEqual([
      widget(3, 'c'),
    ]);
    const bulk = { created: [widget(9, 'new')], updated: [widget(3, 'C')], deleted: [2], errors: [] };
    expect(
      stateAfterWrite({ kind: 'bulk-widgets', dashboardId: 1 }, base, bulk)?.widgets.map((w) => w.name),
    ).toEqual(['C', 'new']);
  });
  it('records nothing for an answer that is not the saved object, a widget of another dashboard or no base', () => {
    expect(stateAfterWrite({ kind: 'widget-update', widgetId: 2 }, base, { detail: 'x' })).toBeNull();
    expect(
      stateAfterWrite({ kind: 'widget-update', widgetId: 2 }, base, { ...widget(2, 'b'), dashboard: 5 }),
    ).toBeNull();
    expect(stateAfterWrite({ kind: 'widget-delete', widgetId: 2 }, null, undefined)).toBeNull();
    expect(stateAfterWrite({ kind: 'dashboard-update', dashboardId: 1 }, base, { id: 1 })).toBeNull();
  });
});

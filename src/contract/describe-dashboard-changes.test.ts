import { describe, expect, it } from 'vitest';
import type { Dashboard } from './dashboard-schema.ts';
import type { Widget } from './widget-schema.ts';
import {
  describeDashboardChanges,
  summariseDashboardChanges,
  type DashboardChange,
} from './describe-dashboard-changes.ts';

function widget(id: number, patch: Partial<Widget> = {}): Widget {
  return {
    id,
    dashboard: 1,
    name: `W${id}`,
    filters: null,
    effective_filters: null,
    chart_type: 'line',
    data_type: 'numeric',
    field: 'value',
    metric: 5,
    metric_name: 'Latency',
    time_period: 'day',
    aggregation_function: 'p95',
    group_by: null,
    metadata: { layout: { x: 0, y: id, w: 6, h: 4 } },
    created_at: 'c',
    updated_at: 'u',
    ...patch,
  };
}

function dashboard(widgets: Widget[], patch: Partial<Dashboard> = {}): Dashboard {
  return {
    id: 1,
    name: 'QA',
    project: 1,
    filters: null,
    widget_count: widgets.length,
    created_at: 'c',
    updated_at: 'u',
    widgets,
    ...patch,
  };
}

const base = dashboard([widget(1), widget(2), widget(3), widget(4)]);

describe('describeDashboardChanges', () => {
  it.each<[string, Dashboard | null, Dashboard, string[]]>([
    ['creation', null, dashboard([]), ['Created the dashboard']],
    ['creation with widgets', null, base, ['Created the dashboard with 4 widgets']],
    ['nothing (timestamps differ)', base, { ...base, updated_at: 'later' }, []],
    ['a rename', base, { ...base, name: 'Ops' }, ['Renamed the dashboard QA → Ops']],
    [
      'dashboard filters',
      base,
      { ...base, filters: { and: [] } as unknown as Dashboard['filters'] },
      ['Changed the dashboard filters'],
    ],
    [
      'an added widget',
      dashboard([widget(1)]),
      dashboard([widget(1), widget(9, { name: null, chart_type: 'pie' })]),
      ['Added pie chart #9'],
    ],
    ['a removed widget', dashboard([widget(1), widget(2)]), dashboard([widget(2)]), ['Removed W1']],
    [
      'field changes in words',
      dashboard([widget(1)]),
      dashboard([
        widget(1, { chart_type: 'bar', metric: 6, metric_name: 'Turns', aggregation_function: null }),
      ]),
      ['Changed W1: chart type line → bar; aggregation p95 → none; metric Latency → Turns'],
    ],
    [
      'display and layout',
      dashboard([widget(1)]),
      dashboard([
        widget(1, { metadata: { layout: { x: 6, y: 1, w: 3, h: 4 }, display: { legend: false } } }),
      ]),
      ['Changed W1: changed its display options', 'Moved W1', 'Resized W1'],
    ],
  ])('%s', (_label, before, after, expected) => {
    expect(describeDashboardChanges(before, after).map((c) => c.text)).toEqual(expected);
  });
});

describe('summariseDashboardChanges', () => {
  const moved = (n: number): DashboardChange[] =>
    Array.from({ length: n }, (_, i) => ({ kind: 'moved' as const, text: `Moved W${i}` }));
  it.each<[string, DashboardChange[], string]>([
    ['none', [], 'No changes'],
    [
      'the issue example',
      [{ kind: 'changed', text: 'Changed Latency p95 per day: chart type line → bar' }, ...moved(3)],
      'Changed Latency p95 per day: chart type line → bar; moved 3 cards',
    ],
    ['only moves', moved(1), 'Moved 1 card'],
    [
      'moves and resizes',
      [...moved(2), { kind: 'resized', text: 'Resized W1' }],
      'Moved 2 cards; resized 1 card',
    ],
    [
      'too long',
      Array.from({ length: 10 }, (_, i) => ({
        kind: 'added' as const,
        text: `Added a widget with a long name ${i}`,
      })),
      'Added a widget with a long name 0; Added a widget with a long name 1; Added a widget with a long name 2; Added a widget with a long name 3; Added a widget with a long name 4; Added a widget with a long name 5; and 4 more',
    ],
  ])('%s', (_label, changes, expected) => {
    expect(summariseDashboardChanges(changes)).toBe(expected);
  });
});

import {
  DashboardInputSchema,
  DashboardListSchema,
  DashboardSchema,
  DuplicateDashboardRequestSchema,
  WidgetCountSchema,
} from './dashboard-schema.ts';

const LISTED = {
  id: 4,
  name: 'Support calls',
  project: 12,
  filters: {
    operator: 'and',
    conditions: [
      { field: 'timestamp', op: 'gte', value: 'now-7d' },
      { field: 'agent.id', op: 'in', value: [1, 2] },
    ],
  },
  widget_count: 2,
  created_at: '2026-03-01T10:00:00Z',
  updated_at: null,
};

describe('WidgetCountSchema (D13)', () => {
  it.each<[unknown, number | null]>([
    [3, 3],
    ['3', 3],
    ['0', 0],
    ['3.5', null],
    ['-1', null],
    [3.5, null],
    [null, null],
  ])('%j → %j', (value, expected) => {
    const parsed = WidgetCountSchema.safeParse(value);
    expect(parsed.success ? parsed.data : null).toBe(expected);
  });
});

describe('DashboardListSchema / DashboardSchema', () => {
  it.each<[string, Record<string, unknown>, boolean, boolean]>([
    ['a listed dashboard', LISTED, true, false],
    ['with widgets', { ...LISTED, widgets: [] }, true, true],
    ['widget_count as OpenAPI string', { ...LISTED, widget_count: '2', widgets: [] }, true, true],
    [
      'null name, project and filters',
      { ...LISTED, name: null, project: null, filters: null, widgets: [] },
      true,
      true,
    ],
    ['missing widget_count', { ...LISTED, widget_count: undefined, widgets: [] }, false, false],
    ['a widget without chart_type', { ...LISTED, widgets: [{ id: 1 }] }, true, false],
  ])('%s: list %s, detail %s', (_name, body, list, detail) => {
    expect(DashboardListSchema.safeParse(body).success).toBe(list);
    expect(DashboardSchema.safeParse(body).success).toBe(detail);
  });
});

describe('DashboardInputSchema / DuplicateDashboardRequestSchema', () => {
  it.each<[unknown, boolean]>([
    [{}, true],
    [{ name: 'Ops', project: 1, filters: { field: 'timestamp', op: 'gte', value: 'now-30d' } }, true],
    [{ name: null, filters: null }, true],
    [{ name: 'n'.repeat(256) }, false],
    [{ project: '1' }, false],
  ])('dashboard input %j parses: %s', (body, ok) => {
    expect(DashboardInputSchema.safeParse(body).success).toBe(ok);
  });

  it.each<[unknown, boolean]>([
    [{}, true],
    [{ name: 'Copy' }, true],
    [{ name: 'n'.repeat(255) }, true],
    [{ name: 'n'.repeat(256) }, false],
    [{ name: null }, false],
  ])('duplicate body %j parses: %s', (body, ok) => {
    expect(DuplicateDashboardRequestSchema.safeParse(body).success).toBe(ok);
  });
});

import {
  PatchedWidgetSchema,
  PreviewWidgetRequestSchema,
  WIDGET_READ_ONLY_FIELDS,
  WidgetInputSchema,
  WidgetLayoutSchema,
  WidgetSchema,
} from './widget-schema.ts';

/** A widget as the API returns it (contract 3.1), with our layout in metadata (D14). */
const STORED = {
  id: 17,
  dashboard: 4,
  name: 'Call duration',
  filters: {
    operator: 'and',
    conditions: [
      { field: 'timestamp', op: 'gte', value: 'today-7d' },
      { field: 'duration', op: 'gte', value: 60 },
    ],
  },
  effective_filters: { field: 'success', op: 'eq', value: true },
  chart_type: 'bar',
  data_type: 'numeric',
  field: 'duration',
  metric: null,
  metric_name: null,
  time_period: 'day',
  aggregation_function: 'p95',
  group_by: { type: 'field', field: 'agent.id' },
  metadata: { layout: { x: 0, y: 0, w: 6, h: 4 }, cekura_ui: { color: 'blue' } },
  created_at: '2026-03-01T10:00:00Z',
  updated_at: '2026-03-02T10:00:00Z',
};

describe('WidgetSchema', () => {
  it.each<[string, Record<string, unknown>, boolean]>([
    ['a stored widget', STORED, true],
    [
      'metric widget with a name',
      { ...STORED, field: 'metric_evaluations.value', metric: 3, metric_name: 'Latency' },
      true,
    ],
    ['metric_name absent', { ...STORED, metric_name: undefined }, true],
    ['empty enums', { ...STORED, data_type: '', time_period: '', aggregation_function: '' }, true],
    [
      'null enums and filters',
      {
        ...STORED,
        data_type: null,
        time_period: null,
        aggregation_function: null,
        filters: null,
        effective_filters: null,
      },
      true,
    ],
    ['unknown group_by shape tolerated', { ...STORED, group_by: { type: 'future' } }, true],
    ['stat', { ...STORED, chart_type: 'stat', field: '' }, true],
    ['list chart (D4)', { ...STORED, chart_type: 'list' }, false],
    ['missing id', { ...STORED, id: undefined }, false],
    ['null field', { ...STORED, field: null }, false],
    ['bad aggregation', { ...STORED, aggregation_function: 'median' }, false],
    ['metadata a list', { ...STORED, metadata: [] }, false],
    ['filters a string', { ...STORED, filters: 'success=true' }, false],
  ])('%s parses: %s', (_name, body, ok) => {
    expect(WidgetSchema.safeParse(body).success).toBe(ok);
  });

  it('keeps unknown metadata keys', () => {
    expect(WidgetSchema.parse(STORED).metadata).toEqual(STORED.metadata);
  });
});

describe('input schemas', () => {
  it.each<[string, unknown, boolean, boolean]>([
    ['contract bulk create item', { name: 'Widget 1', field: 'duration', chart_type: 'line' }, true, true],
    ['only chart_type', { chart_type: 'stat' }, true, true],
    ['no chart_type', { name: 'x' }, false, true],
    ['name of 256', { chart_type: 'stat', name: 'n'.repeat(256) }, false, false],
    ['field of 256', { chart_type: 'line', field: 'f'.repeat(256) }, false, false],
    ['empty patch', {}, false, true],
    ['metric a string', { chart_type: 'line', metric: '3' }, false, false],
  ])('%s: input %s, patch %s', (_name, body, input, patch) => {
    expect(WidgetInputSchema.safeParse(body).success).toBe(input);
    expect(PatchedWidgetSchema.safeParse(body).success).toBe(patch);
  });

  it('strips read-only fields from an input', () => {
    const parsed = WidgetInputSchema.parse(STORED);
    for (const key of WIDGET_READ_ONLY_FIELDS) expect(parsed).not.toHaveProperty(key);
    expect(parsed.chart_type).toBe('bar');
  });

  it.each<[unknown, boolean]>([
    [
      {
        chart_type: 'line',
        field: 'duration',
        dashboard: 4,
        dashboard_filters: { field: 'timestamp', op: 'gte', value: 'now-1d' },
      },
      true,
    ],
    [{ chart_type: 'line', dashboard_filters: null }, true],
    [{ chart_type: 'line', dashboard_filters: 'x' }, false],
  ])('preview body %j parses: %s', (body, ok) => {
    expect(PreviewWidgetRequestSchema.safeParse(body).success).toBe(ok);
  });
});

describe('WidgetLayoutSchema (D14)', () => {
  it.each<[unknown, boolean]>([
    [{ x: 0, y: 0, w: 6, h: 4 }, true],
    [{ x: 11, y: 40, w: 1, h: 1 }, true],
    [{ x: -1, y: 0, w: 6, h: 4 }, false],
    [{ x: 0, y: 0, w: 0, h: 4 }, false],
    [{ x: 0.5, y: 0, w: 6, h: 4 }, false],
    [{ x: 0, y: 0, w: 6 }, false],
  ])('%j parses: %s', (layout, ok) => {
    expect(WidgetLayoutSchema.safeParse(layout).success).toBe(ok);
  });
});

import { WidgetSchema, type Widget } from '../../contract/widget-schema.ts';

/**
 * A parsed wire widget for pure tests: the defaults of a saved line widget, overridden per case, then
 * parsed with the contract schema so a fixture can never drift from the wire shape.
 */
export function makeWidget(overrides: Record<string, unknown> = {}): Widget {
  return WidgetSchema.parse({
    id: 41,
    dashboard: 3,
    name: 'Durations',
    filters: null,
    effective_filters: null,
    chart_type: 'line',
    data_type: 'numeric',
    field: 'duration',
    metric: null,
    metric_name: null,
    time_period: null,
    aggregation_function: null,
    group_by: null,
    metadata: { layout: { x: 0, y: 0, w: 6, h: 4 }, owner_note: 'keep me' },
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-02T00:00:00.000Z',
    ...overrides,
  });
}

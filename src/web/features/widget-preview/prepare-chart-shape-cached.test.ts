import { describe, expect, it } from 'vitest';
import type { WidgetDataResponse } from '../../../contract/widget-data-schema.ts';
import { prepareChartShapeCached } from './prepare-chart-shape-cached.ts';

const response = (): WidgetDataResponse => ({
  widget_id: 1,
  field_name: 'duration',
  chart_type: 'line',
  data: Array.from({ length: 2_000 }, (_, i) => ({
    id: i,
    timestamp: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
    value: i % 13,
  })),
  aggregation_function: null,
  time_period: null,
  group_by: null,
  metadata: { display_name: 'Duration', data_type: 'numeric' },
});

describe('prepareChartShapeCached', () => {
  it('prepares a response once per chart type, width and comparison', () => {
    const r = response();
    const first = prepareChartShapeCached(r, { chartType: 'line', widthPx: 400 });
    expect(prepareChartShapeCached(r, { chartType: 'line', widthPx: 400 })).toBe(first);
    const wider = prepareChartShapeCached(r, { chartType: 'line', widthPx: 800 });
    expect(wider).not.toBe(first);
    expect(prepareChartShapeCached(r, { chartType: 'line', widthPx: 400 })).toBe(first);
    expect(prepareChartShapeCached(r, { chartType: 'bar', widthPx: 400 }).kind).toBe('invalid');
    const compared = prepareChartShapeCached(r, { chartType: 'line', widthPx: 400, comparison: response() });
    expect(compared).not.toBe(first);
  });

  it('does not share shapes between equal but distinct responses', () => {
    const a = prepareChartShapeCached(response(), { chartType: 'line', widthPx: 400 });
    const b = prepareChartShapeCached(response(), { chartType: 'line', widthPx: 400 });
    expect(b).not.toBe(a);
    expect(b).toEqual(a);
  });
});

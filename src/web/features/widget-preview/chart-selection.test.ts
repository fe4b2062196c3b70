import { describe, expect, it } from 'vitest';
import type { WidgetDataResponse } from '../../../contract/widget-data-schema.ts';
import { DEFAULT_WIDGET_DISPLAY } from '../../../contract/widget-display.ts';
import type { ChartModel } from './chart-model.ts';
import { selectBar, selectLinePoint, selectSlice, toRowIndex } from './chart-selection.ts';
import { prepareChartModel } from './prepare-chart-model.ts';

function model<K extends ChartModel['kind']>(
  kind: K,
  chartType: 'line' | 'bar' | 'pie',
  data: WidgetDataResponse['data'],
  groupBy: unknown = null,
) {
  const m = prepareChartModel(
    {
      widget_id: 1,
      field_name: 'duration',
      chart_type: chartType,
      data,
      aggregation_function: null,
      time_period: 'day',
      group_by: groupBy,
      metadata: { display_name: 'Duration', data_type: 'numeric' },
    },
    { chartType, display: DEFAULT_WIDGET_DISPLAY, widthPx: 500 },
  );
  if (m.kind !== kind) throw new Error(`expected ${kind}, got ${m.kind}`);
  return m as Extract<ChartModel, { kind: K }>;
}

describe('chart selection', () => {
  const grouped = model('line', 'line', [
    { id: 11, timestamp: '2026-01-01T00:00:00Z', value: 1, group: 'Alpha' },
    { id: 12, timestamp: '2026-01-01T00:01:00Z', value: 2, group: 'Beta' },
    { id: 13, timestamp: '2026-01-01T00:02:00Z', value: null, group: 'Beta' },
  ]);

  it.each([
    { index: 0, expected: { kind: 'point', timestamp: '2026-01-01T00:00:00Z', callId: 11, group: 'Alpha' } },
    { index: 1, expected: { kind: 'point', timestamp: '2026-01-01T00:01:00Z', callId: 12, group: 'Beta' } },
    { index: 2, expected: null },
    { index: 9, expected: null },
  ])('line row $index selects $expected', ({ index, expected }) => {
    expect(selectLinePoint(grouped, index)).toEqual(expected);
  });

  it('a bucketed line selects the bucket, ungrouped', () => {
    const m = model('line', 'line', [{ time_interval: '2026-01-01T00:00:00Z', value: 3, sample_count: 1 }], {
      type: 'bucket',
      interval: 3_600_000,
    });
    expect(selectLinePoint(m, 0)).toEqual({ kind: 'bucket', bucket: '2026-01-01T00:00:00Z', group: null });
  });

  it.each([
    { index: 0, key: 's1', expected: { kind: 'bucket', bucket: '2026-01-01T00:00:00Z', group: 'B' } },
    { index: 0, key: 'nope', expected: null },
    { index: 4, key: 's0', expected: null },
  ])('bar row $index series $key selects $expected', ({ index, key, expected }) => {
    const m = model('bar', 'bar', [
      { time_interval: '2026-01-01T00:00:00Z', value: 3, sample_count: 1, group: 'A' },
      { time_interval: '2026-01-01T00:00:00Z', value: 4, sample_count: 2, group: 'B' },
    ]);
    expect(selectBar(m, index, key)).toEqual(expected);
  });

  it('a pie slice selects the label as the API sent it', () => {
    const m = model('pie', 'pie', [
      { label: '', value: 1, percentage: 50 },
      { label: 'x', value: 1, percentage: 50 },
    ]);
    expect(selectSlice(m, 0)).toEqual({ kind: 'slice', label: '' });
    expect(selectSlice(m, 1)).toEqual({ kind: 'slice', label: 'x' });
    expect(selectSlice(m, 2)).toBeNull();
  });

  it.each([
    { value: 3, expected: 3 },
    { value: '2', expected: 2 },
    { value: '', expected: null },
    { value: -1, expected: null },
    { value: 1.5, expected: null },
    { value: undefined, expected: null },
  ])('toRowIndex($value) is $expected', ({ value, expected }) => {
    expect(toRowIndex(value)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import {
  LinePointSchema,
  parseChartData,
  type WidgetDataResponse,
} from '../../../contract/widget-data-schema.ts';
import { isLinePoint, readChartData } from './read-chart-data.ts';

const ok = { id: 1, timestamp: '2026-01-01T00:00:00Z', value: 2.5 };

describe('isLinePoint accepts exactly what LinePointSchema accepts', () => {
  it.each<[string, Record<string, unknown>]>([
    ['a plain point', ok],
    ['a null value', { ...ok, value: null }],
    ['a group', { ...ok, group: 'Alpha' }],
    ['an empty group', { ...ok, group: '' }],
    ['an undefined group', { ...ok, group: undefined }],
    ['extra keys', { ...ok, extra: { nested: true } }],
    ['a negative id', { ...ok, id: -3 }],
    ['a non-ISO timestamp string', { ...ok, timestamp: 'yesterday' }],
    ['a fractional id', { ...ok, id: 1.5 }],
    ['an unsafe integer id', { ...ok, id: 2 ** 60 }],
    ['a string id', { ...ok, id: '1' }],
    ['a null id', { ...ok, id: null }],
    ['no id', { timestamp: ok.timestamp, value: 1 }],
    ['a numeric timestamp', { ...ok, timestamp: 1_700_000_000_000 }],
    ['no timestamp', { id: 1, value: 1 }],
    ['a string value', { ...ok, value: '2.5' }],
    ['no value', { id: 1, timestamp: ok.timestamp }],
    ['an infinite value', { ...ok, value: Number.POSITIVE_INFINITY }],
    ['a NaN value', { ...ok, value: Number.NaN }],
    ['a boolean value', { ...ok, value: true }],
    ['a numeric group', { ...ok, group: 3 }],
    ['a null group', { ...ok, group: null }],
  ])('%s', (_name, item) => {
    expect(isLinePoint(item)).toBe(LinePointSchema.safeParse(item).success);
  });
});

function response(data: WidgetDataResponse['data'], chartType = 'line'): WidgetDataResponse {
  return {
    widget_id: 1,
    field_name: 'duration',
    chart_type: chartType,
    data,
    aggregation_function: null,
    time_period: null,
    group_by: null,
    metadata: { display_name: 'Duration', data_type: 'numeric' },
  };
}

describe('readChartData', () => {
  it.each<[string, WidgetDataResponse]>([
    ['line points', response([ok, { ...ok, id: 2, value: null, group: 'B' }])],
    ['a malformed line point', response([ok, { ...ok, value: 'big' }])],
    ['bar buckets', response([{ time_interval: ok.timestamp, value: 1, sample_count: 2 }], 'bar')],
    ['pie slices', response([{ label: 'a', value: 1, percentage: 100 }], 'pie')],
    [
      'a bucket that also has a timestamp',
      response([{ time_interval: ok.timestamp, timestamp: ok.timestamp, value: 1, sample_count: 2 }]),
    ],
    ['empty line data', response([])],
    ['an unknown shape', response([{ foo: 1 }])],
    [
      'stat figures',
      response({ total_calls: 3, success_rate: 1, avg_duration: 2, p95_latency: null }, 'stat'),
    ],
  ])('reads %s as parseChartData does', (_name, r) => {
    expect(readChartData(r)).toEqual(parseChartData(r));
  });

  it('keeps the wire points (no copy) and reads a response once', () => {
    const r = response([ok, { ...ok, id: 2 }]);
    const data = readChartData(r);
    expect(data.kind === 'line' && data.points).toBe(r.data);
    expect(readChartData(r)).toBe(data);
  });
});

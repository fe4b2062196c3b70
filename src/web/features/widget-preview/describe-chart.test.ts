import type { WidgetDataResponse } from '../../../contract/widget-data-schema.ts';
import { DEFAULT_WIDGET_DISPLAY } from '../../../contract/widget-display.ts';
import type { Threshold } from '../../../contract/widget-insights.ts';
import { describeChartInsights } from './describe-chart.ts';
import { prepareChartModel } from './prepare-chart-model.ts';

function response(chartType: string, data: WidgetDataResponse['data']): WidgetDataResponse {
  return {
    widget_id: 1,
    field_name: 'metric_evaluations.value',
    chart_type: chartType,
    data,
    aggregation_function: 'p95',
    time_period: 'day',
    group_by: null,
    can_group_by: true,
    metadata: { display_name: 'p95 latency', data_type: 'numeric', filter_value: 1 },
  };
}
const days = (values: number[]) =>
  values.map((value, i) => ({ time_interval: `2026-12-0${i + 1}T00:00:00Z`, value, sample_count: 50 }));
const above1500: Threshold = { kind: 'above', value: 1500, label: '', color: 'rose', figure: 'p95_latency' };
const model = (r: WidgetDataResponse, comparison?: WidgetDataResponse) =>
  prepareChartModel(r, {
    chartType: r.chart_type === 'stat' ? 'stat' : 'bar',
    display: { ...DEFAULT_WIDGET_DISPLAY, unit: 'ms' },
    widthPx: 400,
    comparison,
    comparisonLabel: 'the previous 7 days',
  });

it('says the change and how often the threshold was crossed (the issue’s example)', () => {
  const current = model(
    response('bar', days([1400, 1600, 1700, 1450, 1800, 1630, 1830])),
    response('bar', days([1400, 1450, 1500, 1455, 1480, 1420, 1480])),
  );
  if (current.kind !== 'bar') throw new Error('expected a bar model');
  expect(
    describeChartInsights(current, { thresholds: [above1500], comparisonLabel: 'the previous 7 days' }),
  ).toBe(
    'p95 latency averages 1,630 ms, up 12 % from 1,455 ms the previous 7 days; above 1,500 ms on 5 of 7 buckets',
  );
});

it('is empty without comparison or thresholds', () => {
  const current = model(response('bar', days([1, 2])));
  if (current.kind !== 'bar') throw new Error('expected a bar model');
  expect(describeChartInsights(current, { thresholds: [] })).toBe('');
});

it('a stat: each compared figure with its change, and the band of a thresholded one', () => {
  const stat = (p95: number, calls: number) =>
    response('stat', { total_calls: calls, success_rate: 90, avg_duration: 60, p95_latency: p95 });
  const current = model(stat(1630, 700), stat(1455, 650));
  if (current.kind !== 'stat') throw new Error('expected a stat model');
  const text = describeChartInsights(current, {
    thresholds: [above1500],
    comparisonLabel: 'the previous 7 days',
  });
  expect(text).toContain(
    'P95 latency 1,630 ms, up 12 % from 1,455 ms the previous 7 days; beyond the threshold (above 1,500)',
  );
  expect(text).toContain('Total calls 700, up 7.7 % from 650 the previous 7 days');
});

it('describes each cohort of a line or bar, and a stat against the other cohort', () => {
  const cohorts = model(
    response('bar', [
      ...days([1000, 2000]).map((d) => ({ ...d, group: 'EU' })),
      ...days([1500, 1500]).map((d) => ({ ...d, group: 'US' })),
    ]),
  );
  if (cohorts.kind !== 'bar') throw new Error('expected a bar model');
  expect(describeChartInsights(cohorts, { thresholds: [], comparisonKind: 'cohort' })).toBe(
    'EU averages 1,500 ms; US averages 1,500 ms',
  );
  const stat = (p95: number) => ({ total_calls: 40, success_rate: 80, avg_duration: 60, p95_latency: p95 });
  const statModel = model(response('stat', stat(1630)), response('stat', stat(1455)));
  if (statModel.kind !== 'stat') throw new Error('expected a stat model');
  expect(
    describeChartInsights(statModel, {
      thresholds: [],
      comparisonLabel: 'US',
      comparisonKind: 'cohort',
    }),
  ).toContain('P95 latency 1,630 ms, up 12 % against US (1,455 ms)');
});

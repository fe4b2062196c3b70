import type { Threshold } from '../../../contract/widget-insights.ts';
import type { BarRow } from './chart-model.ts';
import { countBeyond, placeBarMarkers, thresholdBeyond } from './chart-annotations.ts';

const above: Threshold = { kind: 'above', value: 10, label: '', color: 'rose', figure: 'p95_latency' };
const band: Threshold = {
  kind: 'outside',
  low: 2,
  high: 8,
  label: '',
  color: 'amber',
  figure: 'p95_latency',
};
const row = (bucket: string, value: number | null): BarRow => ({
  bucket,
  label: bucket.slice(5, 10),
  values: { s0: value },
  counts: { s0: 1 },
});

it('thresholdBeyond finds the first threshold crossed', () => {
  expect(thresholdBeyond(11, [above, band])).toBe(above);
  expect(thresholdBeyond(9, [above, band])).toBe(band);
  expect(thresholdBeyond(5, [above, band])).toBeNull();
  expect(thresholdBeyond(null, [above])).toBeNull();
});

it('countBeyond counts valued rows and those beyond', () => {
  const rows = [row('2026-12-01', 12), row('2026-12-02', 3), row('2026-12-03', null), row('2026-12-04', 11)];
  expect(countBeyond(rows, 's0', [above])).toEqual({ valued: 3, beyond: 2 });
});

it('placeBarMarkers puts each firing in its bucket, one marker per bucket', () => {
  const rows = [
    row('2026-12-01T00:00:00Z', 1),
    row('2026-12-02T00:00:00Z', 1),
    row('2026-12-03T00:00:00Z', 1),
  ];
  const times = [
    '2026-11-30T23:00:00Z',
    '2026-12-01T05:00:00Z',
    '2026-12-01T06:00:00Z',
    '2026-12-03T10:00:00Z',
  ].map(Date.parse);
  expect(placeBarMarkers(rows, times)).toEqual([
    { label: '12-01', count: 2 },
    { label: '12-03', count: 1 },
  ]);
});

import type { BarRow, ChartSeries } from './chart-model.ts';
import { comparisonNote } from './comparison-note.ts';

const main: ChartSeries = { key: 's0', label: 'Latency', group: null, comparison: false, color: '#000' };
const cmp: ChartSeries = {
  key: 'cmp',
  label: 'Previous 7 days',
  group: null,
  comparison: true,
  color: '#999',
};
const bar = (counts: Record<string, number>): BarRow => ({
  bucket: '2026-12-01T00:00:00Z',
  label: 'Dec 1',
  values: { s0: 1630, cmp: 1455 },
  counts,
});

it.each([
  ['the change', bar({ s0: 40, cmp: 38 }), main, 'up 12 %'],
  ['greyed when the compared bucket is thin', bar({ s0: 40, cmp: 4 }), main, 'too few calls to compare'],
  ['greyed when the current bucket is thin', bar({ s0: 2, cmp: 40 }), main, 'too few calls to compare'],
  ['nothing on the comparison series', bar({ s0: 40, cmp: 40 }), cmp, undefined],
])('%s', (_name, row, series, expected) => {
  expect(comparisonNote({ series: [main, cmp] }, row, series, 'number')).toBe(expected);
});

it('nothing without a comparison', () => {
  expect(comparisonNote({ series: [main] }, bar({ s0: 40 }), main, 'number')).toBeUndefined();
});

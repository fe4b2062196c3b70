import { describe, expect, it } from 'vitest';
import type { LinePoint } from '../../../contract/widget-data-schema.ts';
import { LINE_PLOT_INSET_PX } from './chart-model.ts';
import {
  bucketColumns,
  pointColumns,
  prepareLineShape,
  type LineShapeOptions,
} from './prepare-line-shape.ts';

const START = Date.UTC(2026, 10, 1);
const at = (i: number) => new Date(START + i * 30_000).toISOString();

function points(n: number, value: (i: number) => number | null = (i) => Math.sin(i / 50)): LinePoint[] {
  return Array.from({ length: n }, (_, i) => ({ id: i + 1, timestamp: at(i), value: value(i) }));
}

const options = (widthPx: number, extra: Partial<LineShapeOptions> = {}): LineShapeOptions => ({
  selectKind: 'point',
  displayName: 'Duration',
  widthPx,
  comparison: null,
  comparisonLabel: 'Saved',
  ...extra,
});

describe('prepareLineShape: downsampling to the plot width', () => {
  it.each([
    { n: 50_000, widthPx: 400 },
    { n: 50_000, widthPx: 1200 },
    { n: 2_000, widthPx: 400 },
  ])(
    '$n points at $widthPx px keep the first and last point and at most one per plot pixel',
    ({ n, widthPx }) => {
      const shape = prepareLineShape(pointColumns(points(n)), options(widthPx));
      const plot = widthPx - LINE_PLOT_INSET_PX;
      expect(shape.rows.length).toBeLessThanOrEqual(plot);
      expect(shape.rows.length).toBe(plot);
      expect(shape.rows[0]).toMatchObject({ source: at(0), callIds: { s0: 1 } });
      expect(shape.rows[shape.rows.length - 1]).toMatchObject({ source: at(n - 1), callIds: { s0: n } });
      expect(shape.sourcePointCount).toBe(n);
      expect(shape.maxSeriesPointCount).toBe(plot);
      for (let i = 1; i < shape.rows.length; i += 1) {
        expect(shape.rows[i]!.x).toBeGreaterThan(shape.rows[i - 1]!.x);
      }
    },
  );

  it('leaves nulls out of a downsampled series but keeps them as gaps below the threshold', () => {
    const gappy = (i: number) => (i % 10 === 3 ? null : i);
    const long = prepareLineShape(pointColumns(points(5_000, gappy)), options(400));
    expect(long.rows.every((r) => r.values.s0 !== null)).toBe(true);
    const short = prepareLineShape(pointColumns(points(20, gappy)), options(400));
    expect(short.rows.map((r) => r.values.s0)).toContain(null);
    expect(short.rows).toHaveLength(20);
  });

  it('sorts a series that arrives out of order and drops times that do not parse', () => {
    const data: LinePoint[] = [
      { id: 3, timestamp: at(3), value: 3 },
      { id: 1, timestamp: at(1), value: 1 },
      { id: 9, timestamp: 'not a time', value: 9 },
      { id: 2, timestamp: at(2), value: 2 },
    ];
    const shape = prepareLineShape(pointColumns(data), options(400));
    expect(shape.rows.map((r) => r.callIds.s0)).toEqual([1, 2, 3]);
    expect(shape.sourcePointCount).toBe(4);
  });

  it('downsamples each group on its own and merges the rows by time', () => {
    const data = points(6_000).map((p, i) => ({ ...p, group: i % 2 === 0 ? 'even' : 'odd' }));
    const shape = prepareLineShape(pointColumns(data), options(400));
    expect(shape.series.map((s) => s.label)).toEqual(['even', 'odd']);
    expect(shape.maxSeriesPointCount).toBe(400 - LINE_PLOT_INSET_PX);
    expect(shape.drawnPointCount).toBe(2 * (400 - LINE_PLOT_INSET_PX));
    expect(shape.rows).toHaveLength(shape.drawnPointCount);
    expect(shape.connectNulls).toBe(true);
  });

  it('adds the comparison as one more series, downsampled to the same width', () => {
    const comparison = bucketColumns(
      Array.from({ length: 3_000 }, (_, i) => ({ time_interval: at(i), value: i, sample_count: 1 })),
    );
    const shape = prepareLineShape(pointColumns(points(10)), options(400, { comparison }));
    expect(shape.series.map((s) => [s.key, s.label, s.comparison])).toEqual([
      ['s0', 'Duration', false],
      ['cmp', 'Saved', true],
    ]);
    expect(shape.drawnPointCount).toBe(10 + 400 - LINE_PLOT_INSET_PX);
    // Buckets have no call ids.
    expect(
      shape.rows.filter((r) => r.values.cmp !== undefined).every((r) => r.callIds.cmp === undefined),
    ).toBe(true);
  });
});

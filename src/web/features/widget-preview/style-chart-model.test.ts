import { describe, expect, it } from 'vitest';
import { DEFAULT_WIDGET_DISPLAY, type WidgetDisplay } from '../../../contract/widget-display.ts';
import { COLOR_HEX, MAX_POINTS_WITH_DOTS, type ChartModel, type ChartShape } from './chart-model.ts';
import { styleChartModel } from './style-chart-model.ts';

type LineShape = Extract<ChartShape, { kind: 'line' }>;

function lineShape(pointsPerSeries: number, comparison = false): LineShape {
  return {
    kind: 'line',
    series: [
      { key: 's0', label: 'A', group: 'A', comparison: false },
      { key: 's1', label: 'B', group: 'B', comparison: false },
      ...(comparison ? [{ key: 'cmp', label: 'Saved', group: null, comparison: true }] : []),
    ],
    rows: [{ x: 1, source: 't', values: { s0: 1 }, callIds: {} }],
    selectKind: 'point',
    ticks: [],
    tickUnit: 'hour',
    connectNulls: true,
    sourcePointCount: pointsPerSeries * 2,
    drawnPointCount: pointsPerSeries * 2,
    maxSeriesPointCount: pointsPerSeries,
    hiddenSeriesCount: 0,
    uncomparedSeriesCount: 0,
    valueFormat: 'number',
    valueTicks: [0, 1],
  };
}

const display = (patch: Partial<WidgetDisplay> = {}): WidgetDisplay => ({
  ...DEFAULT_WIDGET_DISPLAY,
  ...patch,
});

function asLine(model: ChartModel) {
  if (model.kind !== 'line') throw new Error(`expected a line, got ${model.kind}`);
  return model;
}

describe('styleChartModel', () => {
  it('changes only colours on a colour change and keeps the rows and ticks (same references)', () => {
    const shape: LineShape = {
      ...lineShape(10),
      series: [{ key: 's0', label: 'Duration', group: null, comparison: false }],
    };
    const indigo = asLine(styleChartModel(shape, display({ color: 'indigo' })));
    const rose = asLine(styleChartModel(shape, display({ color: 'rose' })));
    expect(rose.rows).toBe(shape.rows);
    expect(rose.ticks).toBe(shape.ticks);
    expect(indigo.series[0]!.color).toBe(COLOR_HEX.indigo);
    expect(rose.series[0]!.color).toBe(COLOR_HEX.rose);
    expect(rose.series.map(({ color: _c, ...s }) => s)).toEqual(shape.series);
    expect({ ...rose, series: [] }).toEqual({ ...indigo, series: [] });
  });

  it('colours a grouped series by its category, not its position (7 → 30 days kept "EU" its colour)', () => {
    const shape = lineShape(10);
    const swapped: LineShape = {
      ...shape,
      series: [
        { key: 's0', label: 'B', group: 'B', comparison: false },
        { key: 's1', label: 'A', group: 'A', comparison: false },
      ],
    };
    const colourOf = (model: ChartModel, group: string) =>
      asLine(model).series.find((s) => s.group === group)?.color;
    const before = styleChartModel(shape, display());
    const after = styleChartModel(swapped, display());
    expect(colourOf(after, 'A')).toBe(colourOf(before, 'A'));
    expect(colourOf(after, 'B')).toBe(colourOf(before, 'B'));
    expect(colourOf(before, 'A')).not.toBe(colourOf(before, 'B'));
  });

  it('gives a pie slice the colour of its category on every chart of the dashboard', () => {
    const pie = (labels: string[]): ChartShape => ({
      kind: 'pie',
      total: labels.length,
      slices: labels.map((label, i) => ({ key: `p${i}`, label, source: label, value: 1, percentage: 1 })),
    });
    const colours = (shape: ChartShape) => {
      const model = styleChartModel(shape, display());
      if (model.kind !== 'pie') throw new Error(model.kind);
      return Object.fromEntries(model.slices.map((s) => [s.label, s.color]));
    };
    expect(colours(pie(['EU', 'US']))['US']).toBe(colours(pie(['US', 'APAC', 'EU']))['US']);
  });

  it('draws the comparison in slate and does not let it take a palette colour', () => {
    const model = asLine(styleChartModel(lineShape(10, true), display({ color: 'sky' })));
    const [a, b, saved] = model.series.map((s) => s.color);
    expect(saved).toBe(COLOR_HEX.slate);
    expect([a, b]).not.toContain(COLOR_HEX.slate);
    expect(a).not.toBe(b);
  });

  it.each([
    { points: 10, showPoints: true, dots: true },
    { points: MAX_POINTS_WITH_DOTS, showPoints: true, dots: true },
    { points: MAX_POINTS_WITH_DOTS + 1, showPoints: true, dots: false },
    { points: 10, showPoints: false, dots: false },
  ])('$points points per series, showPoints $showPoints: dots $dots', ({ points, showPoints, dots }) => {
    expect(asLine(styleChartModel(lineShape(points), display({ showPoints }))).showDots).toBe(dots);
  });

  it.each([
    { points: 10, animate: undefined, expected: true },
    { points: 10, animate: false, expected: false },
    { points: 500, animate: true, expected: false },
  ])('animates $points points (motion allowed: $animate) → $expected', ({ points, animate, expected }) => {
    expect(asLine(styleChartModel(lineShape(points), display(), { animate })).animate).toBe(expected);
  });

  it('takes the legend and unit from the display', () => {
    const model = asLine(styleChartModel(lineShape(10), display({ showLegend: false, unit: 'ms' })));
    expect(model.showLegend).toBe(false);
    expect(model.unit).toBe('ms');
  });

  it.each<ChartShape>([
    { kind: 'empty', message: 'none' },
    { kind: 'invalid', message: 'bad' },
    { kind: 'stat', figures: [] },
  ])('returns a $kind shape as it is', (shape) => {
    expect(styleChartModel(shape, display())).toBe(shape);
  });
});

import type { WidgetDisplay } from '../../../contract/widget-display.ts';
import {
  COLOR_HEX,
  MAX_ANIMATED_POINTS,
  MAX_ANIMATED_SLICES,
  MAX_POINTS_WITH_DOTS,
  type ChartModel,
  type ChartSeries,
  type ChartShape,
  type SeriesShape,
} from './chart-model.ts';
import { categoryColors } from './category-colors.ts';

export interface StyleChartOptions {
  /** False turns every animation off (the viewer prefers reduced motion). Default true. */
  animate?: boolean | undefined;
}

/**
 * Gives a prepared shape its display: series and slice colours by category (an ungrouped series in
 * the widget's colour, the comparison in slate), the legend, dots on short lines, the value unit, and animation only for small
 * charts and viewers who do not prefer reduced motion. Cheap and leaves the shape's rows as they are
 * (same references), so a colour change redraws strokes, not data. Total.
 */
export function styleChartModel(
  shape: ChartShape,
  display: WidgetDisplay,
  options: StyleChartOptions = {},
): ChartModel {
  const motion = options.animate !== false;
  switch (shape.kind) {
    case 'line':
      return {
        ...shape,
        series: colourSeries(shape.series, display),
        showDots: display.showPoints && shape.maxSeriesPointCount <= MAX_POINTS_WITH_DOTS,
        animate: motion && shape.drawnPointCount <= MAX_ANIMATED_POINTS,
        showLegend: display.showLegend && shape.series.length > 1,
        unit: display.unit,
        axisUnit: shape.valueFormat === 'percent' ? '%' : display.unit,
      };
    case 'bar':
      return {
        ...shape,
        series: colourSeries(shape.series, display),
        animate: motion && shape.rows.length * shape.series.length <= MAX_ANIMATED_POINTS,
        showLegend: display.showLegend && shape.series.length > 1,
        unit: display.unit,
        axisUnit: shape.valueFormat === 'percent' ? '%' : display.unit,
      };
    case 'pie': {
      const colors = categoryColors(shape.slices.map((s) => s.label));
      return {
        ...shape,
        slices: shape.slices.map((s) => ({ ...s, color: colors.get(s.label) ?? COLOR_HEX.indigo })),
        animate: motion && shape.slices.length <= MAX_ANIMATED_SLICES,
        showLegend: display.showLegend,
        unit: display.unit,
      };
    }
    case 'stat':
    case 'empty':
    case 'invalid':
      return shape;
  }
}

/**
 * An ungrouped comparison in slate, an ungrouped series in the widget's colour, and a grouped series
 * and its faded twin in its category's colour (`categoryColors`), so a region keeps its colour however
 * the groups are ordered.
 */
function colourSeries(series: readonly SeriesShape[], display: WidgetDisplay): ChartSeries[] {
  const colors = categoryColors(series.flatMap((s) => (s.group === null || s.comparison ? [] : [s.group])));
  return series.map((s) => {
    if (s.comparison && s.group === null) return { ...s, color: COLOR_HEX.slate };
    const color = s.group === null ? COLOR_HEX[display.color] : colors.get(s.group);
    return { ...s, color: color ?? COLOR_HEX.indigo };
  });
}

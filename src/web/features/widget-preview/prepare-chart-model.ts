import type { WidgetDataResponse } from '../../../contract/widget-data-schema.ts';
import type { WidgetDisplay } from '../../../contract/widget-display.ts';
import type { ChartModel } from './chart-model.ts';
import { prepareChartShape, type PrepareChartShapeOptions } from './prepare-chart-shape.ts';
import { styleChartModel } from './style-chart-model.ts';

export interface PrepareChartOptions extends PrepareChartShapeOptions {
  display: WidgetDisplay;
  /** False turns every animation off (the viewer prefers reduced motion). Default true. */
  animate?: boolean | undefined;
}

/**
 * Everything the chart needs and nothing it must decide, in one call: the data's shape
 * (`prepareChartShape`: series, rows, downsampling, empty and invalid cases) styled by the display
 * (`styleChartModel`: colours, legend, dots, unit, animation). `WidgetPreview` memoises the two steps
 * apart so that a display-only edit repeats only the second. Total: every response gives a model.
 */
export function prepareChartModel(response: WidgetDataResponse, options: PrepareChartOptions): ChartModel {
  return styleChartModel(prepareChartShape(response, options), options.display, { animate: options.animate });
}

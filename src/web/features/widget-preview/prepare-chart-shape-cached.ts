import type { WidgetDataResponse } from '../../../contract/widget-data-schema.ts';
import type { ChartShape } from './chart-model.ts';
import { prepareChartShape, type PrepareChartShapeOptions } from './prepare-chart-shape.ts';

interface Entry {
  options: PrepareChartShapeOptions;
  shape: ChartShape;
}

/** Shapes kept per response: a card resized back and forth, or the editor's draft and saved views. */
const ENTRIES_PER_RESPONSE = 4;
const cache = new WeakMap<WidgetDataResponse, Entry[]>();

const sameOptions = (a: PrepareChartShapeOptions, b: PrepareChartShapeOptions) =>
  a.chartType === b.chartType &&
  a.widthPx === b.widthPx &&
  a.comparison === b.comparison &&
  a.comparisonLabel === b.comparisonLabel;

/**
 * `prepareChartShape`, remembered per response object (responses are immutable query-cache entries)
 * and options, so that a chart that mounts again (a card scrolled back into view, the editor opened
 * again) or renders again for any other reason never downsamples the same series twice. Entries go
 * with their response when the query cache lets it go.
 */
export function prepareChartShapeCached(
  response: WidgetDataResponse,
  options: PrepareChartShapeOptions,
): ChartShape {
  const entries = cache.get(response) ?? [];
  const hit = entries.find((entry) => sameOptions(entry.options, options));
  if (hit) return hit.shape;
  const shape = prepareChartShape(response, options);
  cache.set(response, [{ options, shape }, ...entries].slice(0, ENTRIES_PER_RESPONSE));
  return shape;
}

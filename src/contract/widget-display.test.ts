import type { ChartType } from './enums.ts';
import {
  DEFAULT_WIDGET_DISPLAY,
  displayOptionsFor,
  readWidgetDisplay,
  type DisplayOptionSet,
} from './widget-display.ts';

describe('readWidgetDisplay', () => {
  it.each<[string, unknown, unknown]>([
    ['no metadata', null, DEFAULT_WIDGET_DISPLAY],
    ['metadata without display', { layout: { x: 0 } }, DEFAULT_WIDGET_DISPLAY],
    [
      'a full display',
      { display: { color: 'rose', showLegend: false, unit: 's', showPoints: false } },
      { color: 'rose', showLegend: false, unit: 's', showPoints: false },
    ],
    ['partial display', { display: { color: 'sky' } }, { ...DEFAULT_WIDGET_DISPLAY, color: 'sky' }],
    [
      'bad values fall back',
      { display: { color: 'chartreuse', showLegend: 'yes', unit: 'x'.repeat(17), showPoints: 1 } },
      DEFAULT_WIDGET_DISPLAY,
    ],
    ['display not an object', { display: 'rose' }, DEFAULT_WIDGET_DISPLAY],
    ['metadata a string', 'x', DEFAULT_WIDGET_DISPLAY],
  ])('%s', (_name, metadata, expected) => {
    expect(readWidgetDisplay(metadata)).toEqual(expected);
  });
});

describe('displayOptionsFor', () => {
  it.each<[ChartType, DisplayOptionSet]>([
    ['line', { color: true, legend: true, points: true, unit: true }],
    // "Show points on lines" was offered for a bar chart.
    ['bar', { color: true, legend: true, points: false, unit: true }],
    // Slices take their category's colour and show call counts: only the legend applies.
    ['pie', { color: false, legend: true, points: false, unit: false }],
    // The summary's four figures carry their own units and colours.
    ['stat', { color: false, legend: false, points: false, unit: false }],
  ])('%s → %j', (chartType, options) => {
    expect(displayOptionsFor(chartType)).toEqual(options);
  });
});

import { DEFAULT_WIDGET_DISPLAY, readWidgetDisplay } from './widget-display.ts';

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

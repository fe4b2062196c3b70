import { isWellFormedText } from '../../contract/well-formed-text.ts';
import { widgetCopyName } from './widget-copy-name.ts';

describe('widgetCopyName', () => {
  it.each([
    ['a short name', { name: 'Latency', chart_type: 'line', field: 'duration' }, 'Copy of Latency'],
    ['no name: the title', { name: null, chart_type: 'pie', field: 'topic' }, 'Copy of Pie of Topic'],
    ['empty name: the title', { name: '', chart_type: 'stat', field: '' }, 'Copy of Call summary'],
    [
      'a name at the limit is cut to 255',
      { name: 'L'.repeat(255), chart_type: 'line', field: 'duration' },
      `Copy of ${'L'.repeat(247)}`,
    ],
    [
      'a surrogate pair at the cut is dropped whole',
      { name: `${'L'.repeat(246)}😀x`, chart_type: 'line', field: 'duration' },
      `Copy of ${'L'.repeat(246)}`,
    ],
  ] as const)('%s', (_case, widget, expected) => {
    const name = widgetCopyName(widget);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(255);
    expect(isWellFormedText(name)).toBe(true);
  });
});

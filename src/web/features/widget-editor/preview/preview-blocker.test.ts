import { METRIC_VALUE_FIELD, checkWidget } from '../../../../contract/widget-rules.ts';
import { DATA_WINDOW_MESSAGES } from '../../../../contract/effective-filters.ts';
import { describePreviewBlocker, describeSaveBlocker } from './preview-blocker.ts';
import { fixForDataError } from './preview-error-fix.ts';
import { draftToPreviewBody, newWidgetDraft, type WidgetDraft } from '../draft/widget-form-model.ts';

const check = (draft: WidgetDraft) => checkWidget(draftToPreviewBody(draft, null), { metrics: [] });

describe('describePreviewBlocker', () => {
  const cases: [string, Partial<WidgetDraft>, string | RegExp | null][] = [
    ['valid', {}, null],
    ['no metric', { field: METRIC_VALUE_FIELD }, 'Choose a metric to see data'],
    ['no field', { field: '' }, 'Choose a field to see data'],
    [
      'bar without aggregation',
      { chart_type: 'bar', time_period: 'day' },
      'Choose an aggregation to see data',
    ],
    [
      'bar without period',
      { chart_type: 'bar', aggregation_function: 'avg' },
      'Choose a time period to see data',
    ],
    [
      'wrong aggregation',
      { chart_type: 'bar', field: 'success', aggregation_function: 'p95', time_period: 'day' },
      'Fix the aggregation to see data: 95th Percentile does not apply to boolean values; use count or average.',
    ],
    [
      'bad filter',
      { filters: { field: 'duration', op: 'regex', value: 'x' } },
      /^Fix the filters to see data: .*regex/,
    ],
  ];
  it.each(cases)('%s', (_name, change, expected) => {
    const draft = { ...newWidgetDraft(), ...change };
    const blocker = describePreviewBlocker(draft, check(draft));
    if (expected instanceof RegExp) expect(blocker).toMatch(expected);
    else expect(blocker).toBe(expected);
  });

  it('has a short form for the Save button', () => {
    const noMetric = { ...newWidgetDraft(), field: METRIC_VALUE_FIELD };
    expect(describeSaveBlocker(noMetric, check(noMetric))).toBe('Choose a metric to save');
    const badFilter = {
      ...newWidgetDraft(),
      filters: { field: 'duration', op: 'regex' as const, value: 'x' },
    };
    expect(describeSaveBlocker(badFilter, check(badFilter))).toBe('Fix the filters to save');
    expect(describeSaveBlocker(newWidgetDraft(), null)).toBeNull();
  });

  it('falls back to errors outside the draft', () => {
    expect(describePreviewBlocker(newWidgetDraft(), { non_field_errors: ['Nope.'] })).toBe(
      'Fix the widget to see data: Nope.',
    );
  });
});

describe('fixForDataError', () => {
  it.each([
    [DATA_WINDOW_MESSAGES.startTooOld, /at most 30 days/],
    [DATA_WINDOW_MESSAGES.spanTooWide, /at most 30 days/],
    [DATA_WINDOW_MESSAGES.missingLowerBound, /date range/],
    ['Timestamp filter is required', /date range/],
  ])('%s', (message, fix) => {
    expect(fixForDataError(message)).toMatch(fix);
  });
  it('knows no fix for other errors', () => {
    expect(fixForDataError('Metric 3 does not exist.')).toBeNull();
  });
});

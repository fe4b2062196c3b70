import { DEFAULT_WIDGET_DISPLAY } from '../../../../contract/widget-display.ts';
import { WIDGET_READ_ONLY_FIELDS, WidgetInputSchema } from '../../../../contract/widget-schema.ts';
import { makeWidget } from '../../../test-support/make-widget.ts';
import {
  draftToPreviewBody,
  draftToWidgetInput,
  mergeDisplayIntoMetadata,
  newWidgetDraft,
  widgetToDraft,
} from './widget-form-model.ts';

describe('widgetToDraft', () => {
  it('maps wire empties to form empties and lifts display out of metadata', () => {
    const draft = widgetToDraft(
      makeWidget({
        name: null,
        aggregation_function: '',
        time_period: null,
        data_type: null,
        metadata: { display: { color: 'rose', unit: 's' }, layout: { x: 0, y: 0, w: 1, h: 1 } },
      }),
    );
    expect(draft).toEqual({
      name: '',
      chart_type: 'line',
      field: 'duration',
      metric: null,
      aggregation_function: '',
      time_period: '',
      group_by: null,
      data_type: '',
      filters: null,
      display: { ...DEFAULT_WIDGET_DISPLAY, color: 'rose', unit: 's' },
      insights: { compare: null, thresholds: [] },
    });
  });

  it.each([
    [null, null],
    [{}, null],
    [
      { type: 'field', field: 'agent.id' },
      { type: 'field', field: 'agent.id' },
    ],
    [
      { type: 'bucket', interval: 3_600_000 },
      { type: 'bucket', interval: 3_600_000 },
    ],
    [{ type: 'mystery' }, null],
    ['agent.id', null],
  ])('reads group_by %j as %j', (wire, draft) => {
    expect(widgetToDraft(makeWidget({ group_by: wire })).group_by).toEqual(draft);
  });
});

describe('draftToWidgetInput', () => {
  const widget = makeWidget({ metadata: { layout: { x: 1, y: 2, w: 3, h: 4 }, theirs: { deep: [1] } } });

  it('round-trips an unchanged widget to its own writable fields and never carries read-only ones', () => {
    const input = draftToWidgetInput(widgetToDraft(widget), widget);
    for (const key of WIDGET_READ_ONLY_FIELDS) expect(input).not.toHaveProperty(key);
    expect(WidgetInputSchema.parse(input)).toEqual(input);
    expect(input).toEqual({
      dashboard: 3,
      name: 'Durations',
      chart_type: 'line',
      field: 'duration',
      metric: null,
      aggregation_function: null,
      time_period: null,
      group_by: null,
      data_type: 'numeric',
      filters: null,
      metadata: widget.metadata,
    });
    // Unchanged display options leave metadata untouched (same reference: no `display` key invented).
    expect(input.metadata).toBe(widget.metadata);
  });

  it('merges changed display options into metadata, keeping unknown keys', () => {
    const draft = { ...widgetToDraft(widget), display: { ...DEFAULT_WIDGET_DISPLAY, showLegend: false } };
    expect(draftToWidgetInput(draft, widget).metadata).toEqual({
      layout: { x: 1, y: 2, w: 3, h: 4 },
      theirs: { deep: [1] },
      display: { ...DEFAULT_WIDGET_DISPLAY, showLegend: false },
    });
  });

  it('creates metadata for a widget that had none only when display changed', () => {
    const display = { ...DEFAULT_WIDGET_DISPLAY, color: 'amber' as const };
    expect(mergeDisplayIntoMetadata(null, DEFAULT_WIDGET_DISPLAY)).toBeNull();
    expect(mergeDisplayIntoMetadata(null, display)).toEqual({ display });
  });

  it('turns empty strings into null', () => {
    const input = draftToWidgetInput({ ...newWidgetDraft(), name: '' }, { dashboard: 9, metadata: null });
    expect(input).toMatchObject({
      name: null,
      aggregation_function: null,
      time_period: null,
      data_type: null,
    });
  });
});

describe('draftToPreviewBody', () => {
  it('carries only data-deciding fields and the dashboard id', () => {
    const draft = {
      ...newWidgetDraft(),
      name: 'Typed name',
      display: { ...DEFAULT_WIDGET_DISPLAY, unit: 'ms' },
    };
    const body = draftToPreviewBody(draft, 5);
    expect(body).not.toHaveProperty('name');
    expect(body).not.toHaveProperty('metadata');
    expect(body).toEqual({
      dashboard: 5,
      chart_type: 'line',
      field: 'duration',
      metric: null,
      aggregation_function: null,
      time_period: null,
      group_by: null,
      data_type: null,
      filters: null,
    });
  });
});

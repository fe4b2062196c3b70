import { describe, expect, it } from 'vitest';
import { suggestName } from './suggest-name.ts';
import { newWidgetDraft, type WidgetDraft } from './widget-form-model.ts';

const saved: WidgetDraft = {
  ...newWidgetDraft(),
  name: 'Conversation quality',
  chart_type: 'line',
  field: 'metric_evaluations.value',
  metric: 5,
  aggregation_function: 'avg',
};
const description = 'P95 duration per day';

describe('suggestName', () => {
  it.each<[string, Partial<WidgetDraft>, string | null]>([
    // The issue: the field changed, the name "Conversation quality" no longer describes the widget.
    ['the field changed', { field: 'duration', metric: null, aggregation_function: 'p95' }, description],
    ['the metric changed', { metric: 6 }, description],
    ['the aggregation changed', { aggregation_function: 'max' }, description],
    ['only the colour changed', { display: { ...saved.display, color: 'rose' } }, null],
    ['only the filters changed', { filters: { field: 'success', op: 'eq', value: true } }, null],
    ['the analyst renamed it already', { field: 'duration', name: 'My name' }, null],
    ['the name is the description already', { field: 'duration', name: description }, null],
    ['the widget has no name (the card shows the description)', { field: 'duration', name: '' }, null],
  ])('%s → %j', (_name, patch, expected) => {
    const draft = { ...saved, ...patch };
    const savedCopy = patch.name === '' ? { ...saved, name: '' } : saved;
    expect(suggestName(draft, savedCopy, description)).toBe(expected);
  });
});

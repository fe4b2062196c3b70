import type { FieldError, FieldErrors, Resolver } from 'react-hook-form';
import type { Metric } from '../../../contract/metric-schema.ts';
import { checkWidget } from '../../../contract/widget-rules.ts';
import { mapWidgetErrors, type DraftErrors } from './map-widget-errors.ts';
import { draftToWidgetInput, type WidgetDraft, type WidgetDraftKey } from './widget-form-model.ts';

export interface WidgetFormContext {
  metrics: readonly Metric[] | null;
}

function fieldError(fields: DraftErrors['fields'], key: WidgetDraftKey): FieldError | undefined {
  const messages = fields[key];
  return messages ? { type: 'rule', message: messages.join(' ') } : undefined;
}

/** Draft errors in react-hook-form's shape: one message per field, object fields included. */
export function toFieldErrors(fields: DraftErrors['fields']): FieldErrors<WidgetDraft> {
  const errors: FieldErrors<WidgetDraft> = {};
  const at = (key: WidgetDraftKey) => fieldError(fields, key);
  if (at('name')) errors.name = at('name');
  if (at('chart_type')) errors.chart_type = at('chart_type');
  if (at('field')) errors.field = at('field');
  if (at('metric')) errors.metric = at('metric');
  if (at('aggregation_function')) errors.aggregation_function = at('aggregation_function');
  if (at('time_period')) errors.time_period = at('time_period');
  const groupBy = fields.group_by;
  // No `type` here: react-hook-form reads the group_by union's own `type` key as a nested error.
  if (groupBy) errors.group_by = { message: groupBy.join(' ') };
  if (at('data_type')) errors.data_type = at('data_type');
  if (at('filters')) errors.filters = at('filters');
  if (at('display')) errors.display = at('display');
  return errors;
}

/**
 * The form's resolver: the contract's `checkWidget`, the very rules the server answers 400 with, so
 * an inline message and a server error can never disagree. Messages outside any field are shown from
 * the same check above the form (see `mapWidgetErrors`).
 */
export const widgetResolver: Resolver<WidgetDraft, WidgetFormContext> = (values, context) => {
  const drf = checkWidget(draftToWidgetInput(values, { dashboard: null, metadata: null }), {
    metrics: context?.metrics ?? null,
  });
  if (drf === null) return { values, errors: {} };
  return { values: {}, errors: toFieldErrors(mapWidgetErrors(drf).fields) };
};

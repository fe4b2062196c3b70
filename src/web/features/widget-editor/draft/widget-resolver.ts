import type { FieldError, FieldErrors, Resolver } from 'react-hook-form';
import type { DrfErrors } from '../../../../contract/drf-errors.ts';
import type { Metric } from '../../../../contract/metric-schema.ts';
import { checkWidget } from '../../../../contract/widget-rules.ts';
import { mapWidgetErrors, type DraftErrors } from './map-widget-errors.ts';
import {
  DRAFT_KEYS,
  draftToWidgetInput,
  WidgetDraftSchema,
  type WidgetDraft,
  type WidgetDraftKey,
} from './widget-form-model.ts';

export interface WidgetFormContext {
  metrics: readonly Metric[] | null;
}

/** Each message of a field kept apart in `types` (the preview blocker quotes the first one). */
function fieldError(messages: readonly string[]): FieldError {
  return {
    type: 'rule',
    message: messages.join(' '),
    types: Object.fromEntries(messages.map((message, i) => [`rule${i}`, message])),
  };
}

/**
 * Draft errors in react-hook-form's shape: one error per field (its messages joined, each also in
 * `types`), and the messages that belong to no field in `root.rules`, one per line. `readDraftErrors` reads
 * them back. Total.
 */
export function toFieldErrors(errors: DraftErrors): FieldErrors<WidgetDraft> {
  const out: FieldErrors<WidgetDraft> = {};
  const { fields } = errors;
  const at = (key: WidgetDraftKey) => {
    const messages = fields[key];
    return messages ? fieldError(messages) : undefined;
  };
  if (at('name')) out.name = at('name');
  if (at('chart_type')) out.chart_type = at('chart_type');
  if (at('field')) out.field = at('field');
  if (at('metric')) out.metric = at('metric');
  if (at('aggregation_function')) out.aggregation_function = at('aggregation_function');
  if (at('time_period')) out.time_period = at('time_period');
  // No `type` here: react-hook-form reads the group_by union's own `type` key as a nested error.
  if (fields.group_by) out.group_by = { message: fields.group_by.join(' ') };
  if (at('data_type')) out.data_type = at('data_type');
  if (at('filters')) out.filters = at('filters');
  if (at('display')) out.display = at('display');
  if (at('insights')) out.insights = at('insights');
  if (errors.other.length > 0) out.root = { rules: { type: 'rule', message: errors.other.join('\n') } };
  return out;
}

function messagesOf(error: unknown): string[] {
  if (typeof error !== 'object' || error === null) return [];
  const types = 'types' in error ? error.types : undefined;
  if (typeof types === 'object' && types !== null) {
    const listed = Object.values(types).filter((m): m is string => typeof m === 'string');
    if (listed.length > 0) return listed;
  }
  const message = 'message' in error ? error.message : undefined;
  return typeof message === 'string' && message !== '' ? [message] : [];
}

/** The form's errors back as messages per draft field and messages outside fields (`toFieldErrors`'s inverse). */
export function readDraftErrors(errors: FieldErrors<WidgetDraft>): DraftErrors {
  const fields: DraftErrors['fields'] = {};
  for (const key of DRAFT_KEYS) {
    const messages = messagesOf(errors[key]);
    if (messages.length > 0) fields[key] = messages;
  }
  const root = errors.root?.['rules']?.message;
  return { fields, other: root ? root.split('\n') : [] };
}

/** The same errors as DRF errors keyed by draft field (the rest as `non_field_errors`), or null when none. */
export function toDrfErrors(errors: DraftErrors): DrfErrors | null {
  const drf: DrfErrors = {};
  for (const [key, messages] of Object.entries(errors.fields)) drf[key] = messages;
  if (errors.other.length > 0) drf.non_field_errors = errors.other;
  return Object.keys(drf).length === 0 ? null : drf;
}

/**
 * The comparison's and thresholds' own rules (a cohort needs a name, two to four cohorts…): they live
 * in `metadata`, which the server stores as it is, so only the editor can keep a blank cohort name
 * from being saved and then read back as no comparison at all. One message each, in order.
 */
export function insightProblems(insights: WidgetDraft['insights']): string[] {
  const parsed = WidgetDraftSchema.shape.insights.safeParse(insights);
  return parsed.success ? [] : [...new Set(parsed.error.issues.map((issue) => issue.message))];
}

/**
 * The form's resolver: the contract's `checkWidget`, the very rules the server answers 400 with, so
 * an inline message and a server error can never disagree, plus `insightProblems` under `insights`.
 * Messages outside any field land in `errors.root.rules`, shown above the form.
 */
export const widgetResolver: Resolver<WidgetDraft, WidgetFormContext> = (values, context) => {
  const drf = checkWidget(draftToWidgetInput(values, { dashboard: null, metadata: null }), {
    metrics: context?.metrics ?? null,
  });
  const insights = insightProblems(values.insights);
  if (drf === null && insights.length === 0) return { values, errors: {} };
  const errors = mapWidgetErrors(drf);
  if (insights.length > 0) errors.fields.insights = [...(errors.fields.insights ?? []), ...insights];
  return { values: {}, errors: toFieldErrors(errors) };
};

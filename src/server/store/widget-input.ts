import type { DrfErrors } from '../../contract/drf-errors.ts';
import type { Metric } from '../../contract/metric-schema.ts';
import { checkWidget, normalizeGroupBy } from '../../contract/widget-rules.ts';
import { WidgetInputSchema, type WidgetInput } from '../../contract/widget-schema.ts';
import { mergeDrfErrors, zodToDrf } from '../http/zod-to-drf.ts';
import { readFilterColumn, readJsonColumn, readMetadataColumn, writeJsonColumn } from '../db/json-column.ts';
import { re2PatternProblem } from '../http/re2-pattern.ts';
import type { WidgetRecord, WidgetValues } from './widget-store.ts';

/** Writable widget fields; everything else in a body (read-only or unknown) is ignored, as DRF does. */
export const WIDGET_WRITABLE_FIELDS = [
  'dashboard',
  'name',
  'filters',
  'chart_type',
  'data_type',
  'field',
  'metric',
  'time_period',
  'aggregation_function',
  'group_by',
  'metadata',
] as const;

/** Values a new widget starts from before the body is applied. */
const NEW_WIDGET_DEFAULTS: Record<string, unknown> = {
  dashboard: null,
  name: null,
  filters: null,
  data_type: null,
  field: '',
  metric: null,
  time_period: null,
  aggregation_function: null,
  group_by: null,
  metadata: null,
};

export function pickFields(
  body: Record<string, unknown>,
  fields: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => fields.includes(key)));
}

/** A new widget's candidate: defaults overlaid with the writable fields of the body. */
export function newWidgetCandidate(body: Record<string, unknown>): Record<string, unknown> {
  return { ...NEW_WIDGET_DEFAULTS, ...pickFields(body, WIDGET_WRITABLE_FIELDS) };
}

/**
 * A stored widget's candidate after a PATCH or PUT: its current values overlaid with the body's
 * writable fields. The whole result is validated, so cross-field rules hold after every write.
 */
export function updatedWidgetCandidate(
  record: WidgetRecord,
  body: Record<string, unknown>,
): Record<string, unknown> {
  const current: Record<string, unknown> = {
    dashboard: record.dashboard_id,
    name: record.name,
    filters: readFilterColumn(record.filters),
    chart_type: record.chart_type,
    data_type: record.data_type,
    field: record.field,
    metric: record.metric_id,
    time_period: record.time_period,
    aggregation_function: record.aggregation_function,
    group_by: readJsonColumn(record.group_by),
    metadata: readMetadataColumn(record.metadata),
  };
  return { ...current, ...pickFields(body, WIDGET_WRITABLE_FIELDS) };
}

export type WidgetValidation = { ok: true; input: WidgetInput } | { ok: false; errors: DrfErrors };

/**
 * Validates a widget candidate with the contract's one rule set (`checkWidget`), then parses it with
 * the wire schema (which also catches anything the rules leave to types). Field errors from the
 * schema are only added for fields the rules did not already report, so each field gets one story.
 */
export function validateWidgetCandidate(
  candidate: Record<string, unknown>,
  metrics: readonly Metric[],
): WidgetValidation {
  const ruleErrors = checkWidget(candidate, { metrics: [...metrics], checkRegex: re2PatternProblem }) ?? {};
  const parsed = WidgetInputSchema.safeParse(candidate);
  const schemaErrors = parsed.success ? {} : zodToDrf(parsed.error, candidate);
  const extra: DrfErrors = Object.fromEntries(
    Object.entries(schemaErrors).filter(([key]) => !(key in ruleErrors)),
  );
  const metric = candidate.metric;
  if (
    typeof metric === 'number' &&
    !('metric' in ruleErrors) &&
    !('metric' in extra) &&
    !metrics.some((m) => m.id === metric)
  ) {
    extra.metric = [`Invalid pk "${metric}" - object does not exist.`];
  }
  const errors = mergeDrfErrors(ruleErrors, extra);
  if (errors || !parsed.success)
    return { ok: false, errors: errors ?? { non_field_errors: ['Invalid widget.'] } };
  return { ok: true, input: { ...parsed.data, group_by: normalizeGroupBy(parsed.data.group_by) } };
}

/** Column values of a validated widget. */
export function toWidgetValues(input: WidgetInput, dashboardId: number): WidgetValues {
  return {
    dashboard_id: dashboardId,
    name: input.name ?? null,
    filters: writeJsonColumn(input.filters),
    chart_type: input.chart_type,
    data_type: input.data_type ?? null,
    field: input.field ?? '',
    metric_id: input.metric ?? null,
    time_period: input.time_period ?? null,
    aggregation_function: input.aggregation_function ?? null,
    group_by: writeJsonColumn(input.group_by),
    metadata: writeJsonColumn(input.metadata),
  };
}

import type { DrfErrors } from './drf-errors.ts';
import {
  AGGREGATION_FUNCTIONS,
  AGGREGATION_LABELS,
  CHART_TYPES,
  CHART_TYPE_LABELS,
  DATA_TYPES,
  TIME_PERIODS,
  type AggregationFunction,
  type ChartType,
  type DataType,
} from './enums.ts';
import {
  AGGREGATIONS_BY_DATA_TYPE,
  CHART_TYPES_BY_DATA_TYPE,
  EVAL_TYPE_LABELS,
  FIELD_CATALOGUE,
  METADATA_PREFIX,
  METRIC_EVAL_RULES,
  isMetadataField,
  lookupField,
  type FieldSpec,
} from './field-catalogue.ts';
import { validateFilter } from './filter-validation.ts';
import type { RegexCheck } from './regex-syntax.ts';
import { GroupBySchema, type GroupBy } from './group-by-schema.ts';
import type { Metric } from './metric-schema.ts';
import { WIDGET_READ_ONLY_FIELDS } from './widget-schema.ts';

/** The field whose type follows the chosen metric (contract 3.4 rule 4). */
export const METRIC_VALUE_FIELD = 'metric_evaluations.value';
/** D2: the smallest bucket interval, one minute in milliseconds. */
export const MIN_BUCKET_INTERVAL_MS = 60_000;
const MAX_TEXT_LENGTH = 255;

type PlotDataType = Exclude<DataType, 'dynamic'>;
const PLOT_DATA_TYPES: readonly PlotDataType[] = ['numeric', 'boolean', 'string', 'datetime'];
const DATA_TYPE_WORDS: Record<DataType, string> = {
  numeric: 'numeric',
  boolean: 'boolean',
  string: 'text',
  datetime: 'date-time',
  dynamic: 'dynamic',
};

/**
 * The data type a widget plots (contract 4.1, 4.5, D22): the catalogue type of the field; for
 * `metric_evaluations.value` the type of the metric's eval type, or `dynamic` while no metric is
 * chosen. Null for an empty field (stat) and for names the catalogue does not know. Total.
 */
export function resolveDataType(field: string, metric: Metric | null | undefined): DataType | null {
  if (field === METRIC_VALUE_FIELD) return metric ? METRIC_EVAL_RULES[metric.eval_type].dataType : 'dynamic';
  return lookupField(field)?.dataType ?? null;
}

/** Chart types any metric allows: what a metric-value field may become once a metric is chosen. */
const ANY_METRIC_CHART_TYPES: readonly ChartType[] = CHART_TYPES.filter((chart) =>
  Object.values(METRIC_EVAL_RULES).some((rule) => rule.chartTypes.includes(chart)),
);

function joinOr(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

const STAT_REASON = 'Stat widgets summarise all calls and take no field; clear the field to use Stat.';

/** Why a chart type cannot show a catalogue field (with an optional metric), or null. */
function reasonForSpec(
  chartType: ChartType,
  spec: FieldSpec,
  metric: Metric | null | undefined,
): string | null {
  const chart = CHART_TYPE_LABELS[chartType];
  if (chartType === 'stat')
    return 'Stat widgets summarise all calls and take no field; clear the field to use Stat.';
  if (!spec.plottable) return `${spec.label} (${spec.field}) can be filtered on but not plotted.`;
  if (spec.field === METRIC_VALUE_FIELD) {
    if (!metric)
      return ANY_METRIC_CHART_TYPES.includes(chartType) ? null : `${chart} cannot show metric values.`;
    const allowed = METRIC_EVAL_RULES[metric.eval_type].chartTypes;
    if (allowed.includes(chartType)) return null;
    const shown = allowed.length === 1 ? `${article(allowed[0] ?? '')} chart` : `${joinOr(allowed)} charts`;
    return `${EVAL_TYPE_LABELS[metric.eval_type]} metrics can only be shown as ${shown}.`;
  }
  const dataType = spec.dataType === 'dynamic' ? null : spec.dataType;
  if (dataType === null || CHART_TYPES_BY_DATA_TYPE[dataType].includes(chartType)) return null;
  const fitting = PLOT_DATA_TYPES.filter((type) => CHART_TYPES_BY_DATA_TYPE[type].includes(chartType)).map(
    (type) => DATA_TYPE_WORDS[type],
  );
  return `${chart} needs ${article(joinOr(fitting))} field; ${spec.label} is ${DATA_TYPE_WORDS[dataType]}.`;
}

/**
 * Why `chartType` cannot plot `field` (with `metric` for metric values), as a sentence for the chart
 * picker, e.g. "Pie needs a boolean or text field; Duration is numeric." Null when it can, and also
 * for an empty field with a non-stat chart (the field is simply still to be chosen). Total.
 */
export function chartTypeUnavailableReason(
  chartType: ChartType,
  field: string,
  metric: Metric | null | undefined,
): string | null {
  if (field === '') return null;
  const spec = lookupField(field);
  if (chartType !== 'stat') {
    const problem = fieldProblem(field);
    if (problem !== null || spec === undefined) return problem;
  }
  return spec === undefined ? STAT_REASON : reasonForSpec(chartType, spec, metric);
}

/** The chart types that can show `field` (all four while the field is empty). Total. */
export function allowedChartTypes(field: string, metric: Metric | null | undefined): ChartType[] {
  return CHART_TYPES.filter((chart) => chartTypeUnavailableReason(chart, field, metric) === null);
}

/**
 * Aggregations allowed for the field's data type (contract 4.3/4.5; percentiles numeric only). A
 * metric value without a metric allows what some metric allows (the numeric set). Empty for an empty
 * or unknown field. Total.
 */
export function allowedAggregations(field: string, metric: Metric | null | undefined): AggregationFunction[] {
  const dataType = resolveDataType(field, metric);
  if (dataType === null) return [];
  return [...AGGREGATIONS_BY_DATA_TYPE[dataType === 'dynamic' ? 'numeric' : dataType]];
}

/**
 * Catalogue fields a chart type can plot, in catalogue order; `metadata.*` stands for any top-level
 * key. Empty for stat, which takes no field. Total.
 */
export function plottableFields(chartType: ChartType): FieldSpec[] {
  return FIELD_CATALOGUE.filter((spec) => spec.plottable && reasonForSpec(chartType, spec, null) === null);
}

/** `group_by` as a typed value: null, `{}` and anything that is not a valid shape give null (D2). Total. */
export function normalizeGroupBy(value: unknown): GroupBy | null {
  const parsed = GroupBySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * A PATCH applied to a stored widget the DRF way: each writable key of the patch replaces the stored
 * one (no deep merge; `metadata` too, so the SPA sends the whole metadata object it wants kept, D14).
 * Read-only keys in the patch are ignored. The result is what `checkWidget` should see. Total.
 */
export function mergeWidgetPatch(stored: object, patch: object): Record<string, unknown> {
  const readOnly: readonly string[] = WIDGET_READ_ONLY_FIELDS;
  const writable = Object.entries(patch).filter(([key]) => !readOnly.includes(key));
  return { ...Object.fromEntries(Object.entries(stored)), ...Object.fromEntries(writable) };
}

/** The plot-field problem of a name the catalogue does not know as a plottable field, or null. */
function fieldProblem(field: string): string | null {
  if (field === '') return null;
  const spec = lookupField(field);
  if (spec?.plottable === true) return null;
  if (field === 'agent.id') return 'Plot agent_id instead: agent.id is the name used in filters.';
  if (spec !== undefined) return `${spec.label} (${field}) can be filtered on but not plotted.`;
  if (isMetadataField(field)) {
    return field.slice(METADATA_PREFIX.length).includes('.')
      ? 'Nested metadata keys are not supported; use a top-level key such as metadata.region.'
      : 'Metadata keys may use letters, digits and underscores, starting with a letter or underscore.';
  }
  return `Unknown field '${clip(field)}'.`;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export interface WidgetRuleContext {
  /**
   * The metrics the widget may use. With a list (even an empty one) `metric` must be one of them;
   * null or undefined means "not known yet" and skips that check and the eval-type rules.
   */
  metrics?: readonly Metric[] | null;
  /**
   * PATCH-style check: only keys present in `widget` are checked, and a cross-field rule runs only
   * when every key it reads is present. For a real PATCH prefer `mergeWidgetPatch` and a full check.
   */
  partial?: boolean;
  /** The full regex dialect check for `regex` filter values (see `FilterCheckOptions`). */
  checkRegex?: RegexCheck;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isOneOf<T extends string>(value: unknown, options: readonly T[]): value is T {
  return typeof value === 'string' && options.some((option) => option === value);
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/**
 * The one widget rule set (contract 3.4, 4.x, D2, D4, D22), used by the server for 400 bodies and by
 * the editor for inline messages. Returns DRF field errors (`{"field": ["…"]}`) or null when the
 * widget is valid. Read-only and unknown keys are ignored, as DRF does. Filter problems are listed
 * under `filters` / `dashboard_filters` with their D8 paths. Never throws.
 */
export function checkWidget(widget: unknown, context: WidgetRuleContext): DrfErrors | null {
  if (!isRecord(widget)) {
    return { non_field_errors: ['Invalid data: expected a widget object.'] };
  }
  const errors: DrfErrors = {};
  const add = (key: string, message: string) => {
    (errors[key] ??= []).push(message);
  };
  const partial = context.partial === true;
  const has = (key: string) => Object.hasOwn(widget, key);
  const checks = (...keys: string[]) => !partial || keys.every(has);
  const metrics = context.metrics ?? null;

  // Types of single keys.
  const chartType = checkChartType(widget, partial, add);
  const field = checkText(widget, 'field', 'The field', false, add);
  checkText(widget, 'name', 'The name', true, add);
  checkId(widget, 'dashboard', 'The dashboard', add);
  const metricId = checkId(widget, 'metric', 'The metric', add);
  checkEnum(widget, 'time_period', TIME_PERIODS, 'time period', add);
  const aggregation = checkEnum(widget, 'aggregation_function', AGGREGATION_FUNCTIONS, 'aggregation', add);
  const dataType = checkEnum(widget, 'data_type', DATA_TYPES, 'data type', add);
  if (has('metadata') && widget.metadata !== null && !isRecord(widget.metadata)) {
    add('metadata', 'Metadata must be an object or null.');
  }
  const groupBy = checkGroupBy(widget, add);
  for (const key of ['filters', 'dashboard_filters'] as const) {
    if (!has(key)) continue;
    const options = { checkRegex: context.checkRegex, ...(metrics === null ? {} : { metrics }) };
    for (const message of validateFilter(widget[key], options)) add(key, message);
  }

  // The metric: required for metric values, known when a list is given.
  const metric =
    metricId === null || metrics === null ? null : (metrics.find((m) => m.id === metricId) ?? null);
  if (metricId !== null && metrics !== null && metric === null && has('metric')) {
    add('metric', `Metric ${metricId} does not exist or is not available to this project.`);
  }
  const plotsMetric = field === METRIC_VALUE_FIELD;
  if (plotsMetric && metricId === null && checks('field', 'metric') && !errors.metric) {
    add('metric', 'Choose a metric: a metric value widget needs one.');
  }

  // Chart type against field and metric.
  if (chartType !== null && field !== null && checks('chart_type', 'field')) {
    if (chartType === 'stat') {
      if (field !== '')
        add('field', 'Stat widgets summarise all calls and take no field; leave the field empty.');
    } else if (field === '') {
      add('field', `Choose a field to plot on the ${chartType} chart.`);
    } else {
      const problem = fieldProblem(field);
      if (problem !== null) add('field', problem);
      else {
        const reason = chartTypeUnavailableReason(chartType, field, metric);
        if (reason !== null) add(plotsMetric && metric ? 'metric' : 'field', reason);
      }
    }
  }

  // Buckets: bar needs an aggregation and a time period unless a bucket group_by supplies the buckets.
  const bucketed = groupBy?.type === 'bucket';
  if (
    chartType === 'bar' &&
    checks('chart_type', 'aggregation_function') &&
    aggregation === null &&
    !errors.aggregation_function
  ) {
    add('aggregation_function', 'Choose an aggregation for the bar chart, e.g. count.');
  }
  if (
    chartType === 'bar' &&
    !bucketed &&
    checks('chart_type', 'time_period', 'group_by') &&
    isBlank(widget.time_period) &&
    !errors.time_period
  ) {
    add('time_period', 'Choose a time period for the bar chart (or group it into time buckets).');
  }
  const aggregates = chartType === 'bar' || (chartType === 'line' && bucketed);
  if (
    aggregates &&
    aggregation !== null &&
    field !== null &&
    field !== '' &&
    fieldProblem(field) === null &&
    checks('chart_type', 'field', 'aggregation_function')
  ) {
    const allowed = allowedAggregations(field, metric);
    if (!allowed.includes(aggregation)) {
      const type = DATA_TYPE_WORDS[resolveDataType(field, metric) ?? 'dynamic'];
      const options = joinOr(allowed.map((a) => AGGREGATION_LABELS[a].toLowerCase()));
      add(
        'aggregation_function',
        `${AGGREGATION_LABELS[aggregation]} does not apply to ${type} values; use ${options}.`,
      );
    }
  }

  // data_type, when given, must agree with the field.
  if (
    dataType !== null &&
    field !== null &&
    field !== '' &&
    fieldProblem(field) === null &&
    checks('data_type', 'field')
  ) {
    const resolved = resolveDataType(field, metric);
    const fits = dataType === resolved || (plotsMetric && (dataType === 'dynamic' || metric === null));
    if (!fits && resolved !== null) {
      add('data_type', `The data type of ${clip(field)} is ${resolved}, not ${dataType}.`);
    }
  }

  return Object.keys(errors).length === 0 ? null : errors;
}

type Add = (key: string, message: string) => void;

function checkChartType(widget: Record<string, unknown>, partial: boolean, add: Add): ChartType | null {
  const value = widget.chart_type;
  if (isOneOf(value, CHART_TYPES)) return value;
  if (value === undefined && partial) return null;
  if (isBlank(value)) add('chart_type', 'Choose a chart type: line, bar, pie or stat.');
  else {
    const shown = typeof value === 'string' ? `'${clip(value)}'` : 'That value';
    add('chart_type', `${shown} is not a chart type; use line, bar, pie or stat.`);
  }
  return null;
}

/** A string key; absent gives '' for `field` (its default) and null otherwise. Null when invalid. */
function checkText(
  widget: Record<string, unknown>,
  key: 'field' | 'name',
  label: string,
  nullable: boolean,
  add: Add,
): string | null {
  const value = widget[key];
  if (value === undefined) return key === 'field' ? '' : null;
  if (value === null && nullable) return null;
  if (typeof value !== 'string') {
    add(key, `${label} must be text.`);
    return null;
  }
  if (value.length > MAX_TEXT_LENGTH) {
    add(key, `${label} may be at most ${MAX_TEXT_LENGTH} characters long.`);
    return null;
  }
  return value;
}

function checkId(widget: Record<string, unknown>, key: string, label: string, add: Add): number | null {
  const value = widget[key];
  if (value === undefined || value === null) return null;
  if (Number.isSafeInteger(value) && typeof value === 'number') return value;
  add(key, `${label} must be given by its numeric id.`);
  return null;
}

function checkEnum<T extends string>(
  widget: Record<string, unknown>,
  key: string,
  options: readonly T[],
  noun: string,
  add: Add,
): T | null {
  const value = widget[key];
  if (isBlank(value)) return null;
  if (isOneOf(value, options)) return value;
  const shown = typeof value === 'string' ? `'${clip(value)}'` : 'That value';
  add(key, `${shown} is not a valid ${noun}; use ${joinOr(options)}.`);
  return null;
}

function checkGroupBy(widget: Record<string, unknown>, add: Add): GroupBy | null {
  const value = widget.group_by;
  if (value === undefined || value === null) return null;
  if (isRecord(value) && Object.keys(value).length === 0) return null;
  const shapes =
    'Group by must be {"type": "field", "field": …} or {"type": "bucket", "interval": …}, or empty.';
  if (!isRecord(value)) {
    add('group_by', shapes);
    return null;
  }
  if (value.type === 'field') {
    const field = value.field;
    if (typeof field !== 'string' || field === '') {
      add('group_by', 'Choose a field to group by.');
      return null;
    }
    const spec = lookupField(field);
    if (spec?.groupable !== true) {
      const nested = isMetadataField(field) && field.slice(METADATA_PREFIX.length).includes('.');
      add(
        'group_by',
        nested
          ? 'Nested metadata keys are not supported; group by a top-level key such as metadata.region.'
          : spec === undefined
            ? `Unknown field '${clip(field)}' in group by.`
            : `${spec.label} (${field}) cannot be used to group by.`,
      );
      return null;
    }
    return { type: 'field', field };
  }
  if (value.type === 'bucket') {
    const interval = value.interval;
    if (
      typeof interval !== 'number' ||
      !Number.isSafeInteger(interval) ||
      interval < MIN_BUCKET_INTERVAL_MS
    ) {
      add(
        'group_by',
        'The bucket interval must be a whole number of milliseconds, at least 60000 (one minute).',
      );
      return null;
    }
    return { type: 'bucket', interval };
  }
  add('group_by', shapes);
  return null;
}

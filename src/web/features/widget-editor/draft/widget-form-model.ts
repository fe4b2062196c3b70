import * as z from 'zod';
import {
  AggregationFunctionSchema,
  ChartTypeSchema,
  DataTypeSchema,
  TimePeriodSchema,
} from '../../../../contract/enums.ts';
import { NullableFilterSchema } from '../../../../contract/filter-schema.ts';
import { GroupBySchema } from '../../../../contract/group-by-schema.ts';
import {
  DEFAULT_WIDGET_DISPLAY,
  WidgetDisplaySchema,
  readWidgetDisplay,
  type WidgetDisplay,
} from '../../../../contract/widget-display.ts';
import {
  CompareSettingSchema,
  readCompareSetting,
  readThresholds,
  ThresholdSchema,
  writeInsights,
} from '../../../../contract/widget-insights.ts';
import { normalizeGroupBy } from '../../../../contract/widget-rules.ts';
import type { Widget, WidgetInput, WidgetMetadata } from '../../../../contract/widget-schema.ts';

/**
 * The draft the editor edits: the widget's writable, data-affecting fields under their wire names (so a
 * DRF or `checkWidget` error keyed `aggregation_function` lands on the form field of the same name),
 * with empty enums as `''`, `group_by` normalised, and `metadata.display` lifted out as `display`.
 * Server-owned fields (`id`, `effective_filters`, `metric_name`, `created_at`, `updated_at`), the
 * dashboard id and every other `metadata` key stay on the loaded widget and are merged back on the way
 * out, so nothing the editor does not show can be lost.
 */
export const WidgetDraftSchema = z.object({
  name: z.string(),
  chart_type: ChartTypeSchema,
  field: z.string(),
  metric: z.number().int().nullable(),
  aggregation_function: z.union([AggregationFunctionSchema, z.literal('')]),
  time_period: z.union([TimePeriodSchema, z.literal('')]),
  group_by: GroupBySchema.nullable(),
  data_type: z.union([DataTypeSchema, z.literal('')]),
  filters: NullableFilterSchema,
  display: WidgetDisplaySchema,
  /** `metadata.compare` and `metadata.thresholds` (docs/decisions/0018): drawing only, no request. */
  insights: z.object({ compare: CompareSettingSchema.nullable(), thresholds: z.array(ThresholdSchema) }),
});
export type WidgetDraft = z.infer<typeof WidgetDraftSchema>;
export type WidgetDraftKey = keyof WidgetDraft;

/** Every draft field, in form order. */
export const DRAFT_KEYS = [
  'name',
  'chart_type',
  'field',
  'metric',
  'aggregation_function',
  'time_period',
  'group_by',
  'data_type',
  'filters',
  'display',
  'insights',
] as const satisfies readonly WidgetDraftKey[];

export const DRAFT_FIELD_LABELS: Record<WidgetDraftKey, string> = {
  name: 'Name',
  chart_type: 'Chart type',
  field: 'Field',
  metric: 'Metric',
  aggregation_function: 'Aggregation',
  time_period: 'Time period',
  group_by: 'Group by',
  data_type: 'Data type',
  filters: 'Filters',
  display: 'Display options',
  insights: 'Compare and thresholds',
};

/** What a new widget starts as: a line of call durations, which every seeded project can draw. */
export function newWidgetDraft(): WidgetDraft {
  return {
    name: '',
    chart_type: 'line',
    field: 'duration',
    metric: null,
    aggregation_function: '',
    time_period: '',
    group_by: null,
    data_type: '',
    filters: null,
    display: { ...DEFAULT_WIDGET_DISPLAY },
    insights: { compare: null, thresholds: [] },
  };
}

/** The draft of a loaded widget. Total: out-of-enum values cannot occur because the widget was parsed. */
export function widgetToDraft(widget: Widget): WidgetDraft {
  return {
    name: widget.name ?? '',
    chart_type: widget.chart_type,
    field: widget.field,
    metric: widget.metric,
    aggregation_function: widget.aggregation_function ?? '',
    time_period: widget.time_period ?? '',
    // Unknown shapes read as none; the diff compares normalised values, so they are only replaced
    // when the user actually changes grouping.
    group_by: normalizeGroupBy(widget.group_by),
    data_type: widget.data_type ?? '',
    filters: widget.filters,
    display: readWidgetDisplay(widget.metadata),
    insights: readInsights(widget.metadata),
  };
}

function readInsights(metadata: WidgetMetadata): WidgetDraft['insights'] {
  return { compare: readCompareSetting(metadata), thresholds: readThresholds(metadata) };
}

/**
 * `metadata` with the draft's comparison and thresholds written in the current shape (every other key
 * kept). The same reference when they equal what the metadata already reads as.
 */
export function mergeInsightsIntoMetadata(
  metadata: WidgetMetadata,
  insights: WidgetDraft['insights'],
): WidgetMetadata {
  if (JSON.stringify(readInsights(metadata)) === JSON.stringify(insights)) return metadata;
  return writeInsights(metadata, insights);
}

/** The part of the loaded widget a draft is written onto: its dashboard and its full metadata. */
export interface DraftBase {
  dashboard: number | null;
  metadata: WidgetMetadata;
}

/**
 * `metadata` with the draft's display options merged in. Every other key (`layout`, keys other clients
 * own) is kept (D14). When the display options equal what the metadata already reads as, the same
 * reference comes back, so a widget that never had `metadata.display` does not gain one on save.
 */
export function mergeDisplayIntoMetadata(metadata: WidgetMetadata, display: WidgetDisplay): WidgetMetadata {
  if (isSameDisplay(readWidgetDisplay(metadata), display)) return metadata;
  return { ...(metadata ?? {}), display: { ...display } };
}

export function isSameDisplay(a: WidgetDisplay, b: WidgetDisplay): boolean {
  return (
    a.color === b.color && a.showLegend === b.showLegend && a.unit === b.unit && a.showPoints === b.showPoints
  );
}

const emptyToNull = <T extends string>(value: T | ''): T | null => (value === '' ? null : value);

/**
 * The full writable wire widget of a draft (create, preview, View JSON): empties as null, the base's
 * dashboard and metadata merged. Never carries a read-only field.
 */
export function draftToWidgetInput(draft: WidgetDraft, base: DraftBase): WidgetInput {
  return {
    dashboard: base.dashboard,
    name: draft.name === '' ? null : draft.name,
    chart_type: draft.chart_type,
    field: draft.field,
    metric: draft.metric,
    aggregation_function: emptyToNull(draft.aggregation_function),
    time_period: emptyToNull(draft.time_period),
    group_by: draft.group_by,
    data_type: emptyToNull(draft.data_type),
    filters: draft.filters,
    metadata: mergeInsightsIntoMetadata(
      mergeDisplayIntoMetadata(base.metadata, draft.display),
      draft.insights,
    ),
  };
}

/**
 * The request body for `preview_data`: only what decides the data, plus the dashboard id so the
 * dashboard's filters apply (D6). Display options and the name are left out on purpose: they never
 * change the data, so they never need a request.
 */
export function draftToPreviewBody(draft: WidgetDraft, dashboardId: number | null): WidgetInput {
  return {
    dashboard: dashboardId,
    chart_type: draft.chart_type,
    field: draft.field,
    metric: draft.metric,
    aggregation_function: emptyToNull(draft.aggregation_function),
    time_period: emptyToNull(draft.time_period),
    group_by: draft.group_by,
    data_type: emptyToNull(draft.data_type),
    filters: draft.filters,
  };
}

import * as z from 'zod';
import { NullableFilterSchema } from './filter-schema.ts';
import { DataTypeSchema } from './enums.ts';

export const LinePointSchema = z.object({
  id: z.number().int(),
  timestamp: z.string(),
  value: z.number().nullable(),
  group: z.string().optional(),
});
export type LinePoint = z.infer<typeof LinePointSchema>;

export const BarBucketSchema = z.object({
  time_interval: z.string(),
  value: z.number().nullable(),
  sample_count: z.number().int(),
  group: z.string().optional(),
});
export type BarBucket = z.infer<typeof BarBucketSchema>;

export const PieSliceSchema = z.object({
  label: z.string(),
  value: z.number(),
  percentage: z.number(),
});
export type PieSlice = z.infer<typeof PieSliceSchema>;

/** Stat data per D3: percent, seconds and milliseconds. */
export const StatDataSchema = z.object({
  total_calls: z.number().int(),
  success_rate: z.number().nullable(),
  avg_duration: z.number().nullable(),
  p95_latency: z.number().nullable(),
});
export type StatData = z.infer<typeof StatDataSchema>;

export const WidgetDataMetadataSchema = z.object({
  display_name: z.string(),
  data_type: DataTypeSchema,
  filter_value: z.unknown().optional(),
});

/**
 * `WidgetDataResponse`. `data` is an array of line points, bar buckets or pie slices, or an object
 * for stat (the OpenAPI document types it as an array: a known inconsistency, contract 6.2). A line
 * widget with a bucket `group_by` answers in the bar shape (D2), so `data` is parsed by shape, not by
 * `chart_type`; `parseChartData` narrows it.
 */
export const WidgetDataResponseSchema = z.object({
  widget_id: z.number().int().nullable(),
  field_name: z.string(),
  chart_type: z.string(),
  data: z.union([z.array(z.record(z.string(), z.unknown())), StatDataSchema]),
  aggregation_function: z.string().nullable(),
  time_period: z.string().nullable(),
  group_by: z.unknown(),
  can_group_by: z.boolean().optional(),
  metadata: WidgetDataMetadataSchema,
});
export type WidgetDataResponse = z.infer<typeof WidgetDataResponseSchema>;

export type ChartData =
  | { kind: 'line'; points: LinePoint[] }
  | { kind: 'bar'; buckets: BarBucket[] }
  | { kind: 'pie'; slices: PieSlice[] }
  | { kind: 'stat'; stat: StatData }
  | { kind: 'invalid'; message: string };

/** Narrows a response's `data` to one chart shape, or says plainly why it cannot. Total. */
export function parseChartData(response: WidgetDataResponse): ChartData {
  const { data } = response;
  if (!Array.isArray(data)) return { kind: 'stat', stat: data };
  if (data.length === 0) {
    if (response.chart_type === 'pie') return { kind: 'pie', slices: [] };
    if (response.chart_type === 'line' && !isBucketGroupBy(response.group_by))
      return { kind: 'line', points: [] };
    return { kind: 'bar', buckets: [] };
  }
  const first = data[0] ?? {};
  const attempts = [
    [
      'time_interval' in first,
      () => ({ kind: 'bar', buckets: z.array(BarBucketSchema).parse(data) }) as const,
    ],
    ['label' in first, () => ({ kind: 'pie', slices: z.array(PieSliceSchema).parse(data) }) as const],
    ['timestamp' in first, () => ({ kind: 'line', points: z.array(LinePointSchema).parse(data) }) as const],
  ] as const;
  for (const [matches, parse] of attempts) {
    if (!matches) continue;
    try {
      return parse();
    } catch {
      return { kind: 'invalid', message: `The ${response.chart_type} data did not have the expected shape.` };
    }
  }
  return { kind: 'invalid', message: `Unknown data shape for a ${response.chart_type} chart.` };
}

function isBucketGroupBy(groupBy: unknown): boolean {
  return typeof groupBy === 'object' && groupBy !== null && (groupBy as { type?: unknown }).type === 'bucket';
}

/** Widgets per `bulk_data` request: a dashboard's worth, and far below what one query can bind. */
export const BULK_DATA_MAX_WIDGET_IDS = 1000;

export const BulkWidgetDataRequestSchema = z.object({
  widget_ids: z
    .array(z.number().int())
    .max(
      BULK_DATA_MAX_WIDGET_IDS,
      `Ensure this field has no more than ${BULK_DATA_MAX_WIDGET_IDS} elements.`,
    ),
  filters: NullableFilterSchema.optional(),
  /**
   * Our extension, as D6 is for `preview_data`: replaces the stored dashboard filters of every listed
   * widget for this request (each widget keeps its own filters). The dashboard's variables travel here.
   */
  dashboard_filters: NullableFilterSchema.optional(),
  /**
   * Our extension (docs/contract.md §12): `preview_data` bodies answered after the saved widgets, in
   * order, as `preview_data` would answer each. A compared dashboard's twins and cohorts travel here,
   * so the whole comparison is one request. A server that ignores it answers fewer items.
   */
  previews: z.array(z.record(z.string(), z.unknown())).optional(),
});
export type BulkWidgetDataRequest = z.infer<typeof BulkWidgetDataRequestSchema>;

import * as z from 'zod';
import { NullableFilterSchema } from './filter-schema.ts';
import { wellFormedString } from './well-formed-text.ts';
import { AggregationFunctionSchema, ChartTypeSchema, DataTypeSchema, TimePeriodSchema } from './enums.ts';

/** `metadata.layout` on a 12-column grid (D14). */
export const WidgetLayoutSchema = z.object({
  x: z.number().int().min(0),
  y: z.number().int().min(0),
  w: z.number().int().min(1),
  h: z.number().int().min(1),
});
export type WidgetLayout = z.infer<typeof WidgetLayoutSchema>;

/**
 * Free-form widget metadata: ours is `layout` and `display`; every other key belongs to someone else
 * and must come back exactly as it was sent (D14). Checked in place, never rebuilt: zod's record and
 * object parsing copy keys by assignment, which loses a `__proto__` key.
 */
export const WidgetMetadataSchema = z
  .custom<Record<string, unknown>>()
  .superRefine((value, ctx) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      ctx.addIssue({ code: 'invalid_type', expected: 'record', input: value });
  })
  .nullable();
export type WidgetMetadata = z.infer<typeof WidgetMetadataSchema>;

const nullableEnum = <T extends z.ZodType>(schema: T) => z.union([schema, z.literal(''), z.null()]);

/** The longest widget name the API accepts (UTF-16 units, as DRF's `max_length`). */
export const WIDGET_NAME_MAX_LENGTH = 255;

/** Writable widget fields, shared by every widget shape. */
const widgetWritable = {
  dashboard: z.number().int().nullable().optional(),
  name: wellFormedString(WIDGET_NAME_MAX_LENGTH).nullable().optional(),
  filters: NullableFilterSchema.optional(),
  chart_type: ChartTypeSchema,
  data_type: nullableEnum(DataTypeSchema).optional(),
  field: z.string().max(255).optional(),
  metric: z.number().int().nullable().optional(),
  time_period: nullableEnum(TimePeriodSchema).optional(),
  aggregation_function: nullableEnum(AggregationFunctionSchema).optional(),
  group_by: z.unknown().optional(),
  metadata: WidgetMetadataSchema.optional(),
};

/** The read-only ("server-owned") widget fields; strip them before writing. */
export const WIDGET_READ_ONLY_FIELDS = [
  'id',
  'effective_filters',
  'metric_name',
  'created_at',
  'updated_at',
] as const;

/** `Widget` as the API returns it. */
export const WidgetSchema = z.object({
  ...widgetWritable,
  id: z.number().int(),
  dashboard: z.number().int().nullable(),
  name: z.string().nullable(),
  filters: NullableFilterSchema,
  data_type: nullableEnum(DataTypeSchema),
  field: z.string(),
  metric: z.number().int().nullable(),
  time_period: nullableEnum(TimePeriodSchema),
  aggregation_function: nullableEnum(AggregationFunctionSchema),
  group_by: z.unknown(),
  metadata: WidgetMetadataSchema,
  effective_filters: NullableFilterSchema,
  metric_name: z.string().nullable().optional(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
});
export type Widget = z.infer<typeof WidgetSchema>;

/** Body of create, PUT and preview: `chart_type` is the only required field. */
export const WidgetInputSchema = z.object(widgetWritable);
export type WidgetInput = z.infer<typeof WidgetInputSchema>;

/** Body of PATCH: every field optional. */
export const PatchedWidgetSchema = WidgetInputSchema.partial();
export type PatchedWidget = z.infer<typeof PatchedWidgetSchema>;

/** `preview_data` body: a widget plus the optional `dashboard_filters` of D6. */
export const PreviewWidgetRequestSchema = WidgetInputSchema.extend({
  dashboard_filters: NullableFilterSchema.optional(),
});
export type PreviewWidgetRequest = z.infer<typeof PreviewWidgetRequestSchema>;

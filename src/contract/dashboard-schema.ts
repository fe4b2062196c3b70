import * as z from 'zod';
import { NullableFilterSchema } from './filter-schema.ts';
import { WidgetSchema } from './widget-schema.ts';
import { wellFormedString } from './well-formed-text.ts';

/** `widget_count` is typed string in the OpenAPI document, an integer at runtime (D13): accept both. */
export const WidgetCountSchema = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);

/** `DashboardList`: a dashboard without its widgets, as list results carry it. */
export const DashboardListSchema = z.object({
  id: z.number().int(),
  name: z.string().nullable(),
  project: z.number().int().nullable(),
  filters: NullableFilterSchema,
  widget_count: WidgetCountSchema,
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
});
export type DashboardList = z.infer<typeof DashboardListSchema>;

/** `Dashboard` with its nested widgets (retrieve, create, update, duplicate). */
export const DashboardSchema = DashboardListSchema.extend({ widgets: z.array(WidgetSchema) });
export type Dashboard = z.infer<typeof DashboardSchema>;

/** Body of create, PUT and PATCH: no field is required. */
export const DashboardInputSchema = z.object({
  name: wellFormedString(255).nullable().optional(),
  project: z.number().int().nullable().optional(),
  filters: NullableFilterSchema.optional(),
});
export type DashboardInput = z.infer<typeof DashboardInputSchema>;
export const PatchedDashboardSchema = DashboardInputSchema;
export type PatchedDashboard = DashboardInput;

export const DASHBOARD_READ_ONLY_FIELDS = [
  'id',
  'widgets',
  'widget_count',
  'created_at',
  'updated_at',
] as const;

export const DuplicateDashboardRequestSchema = z.object({ name: wellFormedString(255).optional() });
export type DuplicateDashboardRequest = z.infer<typeof DuplicateDashboardRequestSchema>;

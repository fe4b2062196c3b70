import * as z from 'zod';
import { DashboardSchema } from './dashboard-schema.ts';

/**
 * Widget Studio's extension (not Cekura's contract): recorded versions of a dashboard, served under
 * `/studio/dashboards/{id}/versions/`. A version is the dashboard as it was after one write, with its
 * widgets and their layout, in the wire form of `Dashboard`.
 */
export const DashboardVersionListItemSchema = z.object({
  id: z.number().int(),
  dashboard: z.number().int(),
  /** The label of the API key that made the change; null for the earliest recorded state. */
  author: z.string().nullable(),
  created_at: z.string(),
  summary: z.string(),
  /** The version a restore brought back, when this version is a restore. */
  restored_from: z.number().int().nullable(),
});
export type DashboardVersionListItem = z.infer<typeof DashboardVersionListItemSchema>;

/** How long versions are kept (HISTORY_KEEP_ALL_DAYS, HISTORY_KEEP_DAILY_DAYS); shown in the panel. */
export const VersionRetentionSchema = z.object({
  keep_all_days: z.number().int(),
  keep_daily_days: z.number().int(),
});
export type VersionRetention = z.infer<typeof VersionRetentionSchema>;

export const DashboardVersionListSchema = z.object({
  results: z.array(DashboardVersionListItemSchema),
  retention: VersionRetentionSchema,
  /**
   * What the history covers: every write (the embedded server, the default), or only the writes a
   * forwarding server passed on (ADR 0020): changes made elsewhere, e.g. in Cekura's app, are not in it.
   */
  recorded: z.enum(['every-write', 'forwarded-writes']).optional(),
});
export type DashboardVersionList = z.infer<typeof DashboardVersionListSchema>;

export const DashboardVersionSchema = DashboardVersionListItemSchema.extend({ snapshot: DashboardSchema });
export type DashboardVersion = z.infer<typeof DashboardVersionSchema>;

/**
 * Body of `POST /studio/dashboards/{id}/restore/`: bring back `version` (only its widget `widget`,
 * when given) as a new version. `based_on` is the newest version the client saw: when another write
 * landed since, the answer is 412 and nothing is written.
 */
export const RestoreVersionRequestSchema = z.object({
  version: z.number().int(),
  widget: z.number().int().optional(),
  based_on: z.number().int().optional(),
});
export type RestoreVersionRequest = z.infer<typeof RestoreVersionRequestSchema>;

/** Answer of a restore: the version it recorded (the newest one, when nothing changed) and the dashboard now. */
export const RestoreVersionResponseSchema = z.object({
  version: DashboardVersionListItemSchema,
  dashboard: DashboardSchema,
});
export type RestoreVersionResponse = z.infer<typeof RestoreVersionResponseSchema>;

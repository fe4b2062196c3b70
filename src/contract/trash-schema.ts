import * as z from 'zod';

/** How long a deleted dashboard or widget stays in the embedded server's trash. */
export const TRASH_KEEP_DAYS = 30;

/**
 * Widget Studio's extension (not Cekura's contract): `GET /studio/trash/`. A deleted dashboard (with
 * its widgets and layout) or widget, kept for `keep_days` and restorable with its own id.
 */
export const TrashEntrySchema = z.object({
  id: z.number().int(),
  kind: z.enum(['dashboard', 'widget']),
  /** The id of the deleted dashboard or widget (it comes back with it). */
  object_id: z.number().int(),
  dashboard: z.number().int(),
  name: z.string().nullable(),
  project: z.number().int().nullable(),
  widget_count: z.number().int(),
  deleted_by: z.string().nullable(),
  deleted_at: z.string(),
});
export type TrashEntry = z.infer<typeof TrashEntrySchema>;

export const TrashListSchema = z.object({ results: z.array(TrashEntrySchema), keep_days: z.number().int() });
export type TrashList = z.infer<typeof TrashListSchema>;

/** Answer of `POST /studio/trash/{id}/restore/`: what came back, and where. */
export const TrashRestoreResponseSchema = z.object({
  kind: z.enum(['dashboard', 'widget']),
  object_id: z.number().int(),
  dashboard: z.number().int(),
});
export type TrashRestoreResponse = z.infer<typeof TrashRestoreResponseSchema>;

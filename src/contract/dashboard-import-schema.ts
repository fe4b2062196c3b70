import * as z from 'zod';
import { DashboardDocumentSchema, DocumentReferenceSchema } from './dashboard-document-schema.ts';

/**
 * Widget Studio's extension: `POST /studio/dashboards/import/`. `metrics` and `agents` map an exported
 * id (a string key, as JSON objects have) to the importing project's id, overriding the match by name.
 */
export const ImportDashboardRequestSchema = z.object({
  /** Anything: the server names what is wrong with a file that is not a document. */
  document: z.unknown(),
  project: z.number().int().nullable().optional(),
  metrics: z.record(z.string(), z.number().int()).optional(),
  agents: z.record(z.string(), z.number().int()).optional(),
  dry_run: z.boolean().optional(),
});
export type ImportDashboardRequest = z.infer<typeof ImportDashboardRequestSchema>;

/** DRF field errors as the server writes them (values may nest for related objects). */
const FieldErrorsSchema = z.record(z.string(), z.unknown());

/**
 * What an import would do, before anything is written (`dry_run`), and the body of a refused import:
 * the references not found in the project, and each widget's problems there (null: none).
 */
export const ImportReportSchema = z.object({
  unmatched: z.object({
    metrics: z.array(DocumentReferenceSchema),
    agents: z.array(DocumentReferenceSchema),
  }),
  dashboard_errors: FieldErrorsSchema.nullable(),
  widgets: z.array(
    z.object({ index: z.number().int(), name: z.string().nullable(), errors: FieldErrorsSchema.nullable() }),
  ),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** A dry run's answer: the report and the document with the project's ids, ready to preview. */
export const ImportPreviewSchema = ImportReportSchema.extend({ document: DashboardDocumentSchema });
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

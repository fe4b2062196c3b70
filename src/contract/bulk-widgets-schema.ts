import * as z from 'zod';
import { WidgetSchema } from './widget-schema.ts';

/** `bulk_widgets` body: items are free-form objects, validated one by one with the widget rules (D15). */
export const BulkWidgetOperationRequestSchema = z.object({
  create: z.array(z.record(z.string(), z.unknown())).optional(),
  update: z.array(z.record(z.string(), z.unknown())).optional(),
  delete: z.array(z.number().int()).optional(),
});
export type BulkWidgetOperationRequest = z.infer<typeof BulkWidgetOperationRequestSchema>;

export const BulkWidgetErrorSchema = z.object({
  index: z.number().int(),
  op: z.enum(['create', 'update', 'delete']),
  errors: z.record(z.string(), z.unknown()),
});
export type BulkWidgetError = z.infer<typeof BulkWidgetErrorSchema>;

export const BulkWidgetOperationResponseSchema = z.object({
  created: z.array(WidgetSchema),
  updated: z.array(WidgetSchema),
  deleted: z.array(z.number().int()),
  // Tolerate a real server's partial-success errors of any shape (D15).
  errors: z.array(z.record(z.string(), z.unknown())).optional(),
});
export type BulkWidgetOperationResponse = z.infer<typeof BulkWidgetOperationResponseSchema>;

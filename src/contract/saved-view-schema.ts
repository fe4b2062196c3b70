import * as z from 'zod';
import { lookupField } from './field-catalogue.ts';
import { hasValueCounts } from './value-counts-schema.ts';

/**
 * Saved views: Widget Studio's own extension (not Cekura's), served by the embedded server under
 * `/studio/dashboards/{id}/views/` (ADR 0016); a client of another API keeps them in the browser. A view
 * is a name and the state a dashboard link carries: its variables and the exploratory group-by.
 */
export const savedViewsPath = (dashboardId: number) => `/studio/dashboards/${dashboardId}/views/`;
export const SAVED_VIEW_MAX_VARIABLES = 8;
export const SAVED_VIEW_MAX_VALUES = 100;
export const SAVED_VIEWS_PER_DASHBOARD = 50;

/** Fields a variable can be: the text fields with value counts and `metadata.<key>`. */
export function isVariableField(field: string): boolean {
  return hasValueCounts(field);
}

/** Fields the group-by switcher offers: every `groupable` field of the catalogue and `metadata.<key>`. */
export function isGroupByField(field: string): boolean {
  return lookupField(field)?.groupable === true;
}

export const ViewVariableSchema = z.object({
  field: z.string().refine(isVariableField, { message: 'Variables are text call fields or metadata.<key>.' }),
  /** The chosen values; null is "(none)", the calls without a value. Empty: the variable filters nothing. */
  values: z
    .array(z.string().max(200).nullable())
    .max(SAVED_VIEW_MAX_VALUES, `Ensure this field has no more than ${SAVED_VIEW_MAX_VALUES} elements.`),
});
export type ViewVariable = z.infer<typeof ViewVariableSchema>;

export const ViewStateSchema = z.object({
  variables: z
    .array(ViewVariableSchema)
    .max(SAVED_VIEW_MAX_VARIABLES, `Ensure this field has no more than ${SAVED_VIEW_MAX_VARIABLES} elements.`)
    .refine((variables) => new Set(variables.map((v) => v.field)).size === variables.length, {
      message: 'Each field can be a variable once.',
    }),
  group_by: z
    .string()
    .refine(isGroupByField, { message: 'This field cannot be used to group by.' })
    .nullable(),
});
export type ViewState = z.infer<typeof ViewStateSchema>;

export const SavedViewSchema = z.object({
  id: z.number().int(),
  dashboard: z.number().int(),
  name: z.string(),
  state: ViewStateSchema,
  created_at: z.string(),
});
export type SavedView = z.infer<typeof SavedViewSchema>;

export const SavedViewListSchema = z.object({ results: z.array(SavedViewSchema) });

export const CreateSavedViewRequestSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'This field may not be blank.')
    .max(100, 'Ensure this field has no more than 100 characters.'),
  state: ViewStateSchema,
});
export type CreateSavedViewRequest = z.infer<typeof CreateSavedViewRequestSchema>;

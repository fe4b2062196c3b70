import * as z from 'zod';
import { EvalTypeSchema } from './enums.ts';
import { NullableFilterSchema } from './filter-schema.ts';

/** `MetricList` item of `GET /test_framework/v1/metrics/` (and v2): the fields the editor uses. */
export const MetricSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    slug: z.string().nullable().optional(),
    project: z.number().int().nullable().optional(),
    // The OpenAPI items are `integer | null`; nulls carry nothing for the editor and are dropped.
    agents: z
      .array(z.number().int().nullable())
      .transform((ids) => ids.filter((id): id is number => id !== null))
      .optional(),
    // Typed `string` in the OpenAPI document (a DRF method field); a list of names at runtime.
    agent_names: z.union([z.array(z.string()), z.string()]).optional(),
    description: z.string().nullable().optional(),
    type: z.string().optional(),
    eval_type: EvalTypeSchema,
    // `any` in the OpenAPI document: an unexpected shape reads as null rather than failing the list.
    enum_values: z.array(z.string()).nullable().optional().catch(null),
    observability_enabled: z.boolean().optional(),
    simulation_enabled: z.boolean().optional(),
    audio_enabled: z.boolean().optional(),
    function_name: z.string().nullable().optional(),
    // Legacy CallLogQueryFilter payloads may not fit our filter grammar; never fail the list on them.
    alert_filters: NullableFilterSchema.optional().catch(null),
    // Only with `include_scores=true` (D23). Strings in the document (DRF method fields).
    overall_score: z.union([z.number(), z.string()]).nullable().optional(),
    total_score: z.union([z.number(), z.string()]).nullable().optional(),
  })
  .loose();
export type Metric = z.infer<typeof MetricSchema>;

/** The metrics list is a plain array, not paginated. */
export const MetricListResponseSchema = z.array(MetricSchema);

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
    agents: z.array(z.number().int()).optional(),
    agent_names: z.array(z.string()).optional(),
    description: z.string().nullable().optional(),
    type: z.string().optional(),
    eval_type: EvalTypeSchema,
    enum_values: z.array(z.string()).nullable().optional(),
    observability_enabled: z.boolean().optional(),
    simulation_enabled: z.boolean().optional(),
    audio_enabled: z.boolean().optional(),
    function_name: z.string().nullable().optional(),
    alert_filters: NullableFilterSchema.optional(),
  })
  .loose();
export type Metric = z.infer<typeof MetricSchema>;

/** The metrics list is a plain array, not paginated. */
export const MetricListResponseSchema = z.array(MetricSchema);

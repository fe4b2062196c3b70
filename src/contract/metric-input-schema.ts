import * as z from 'zod';
import { EvalTypeSchema } from './enums.ts';

const METRIC_TYPES = ['basic', 'custom_prompt', 'custom_code', 'llm_judge'] as const;

/**
 * The body of `POST /test_framework/v2/metrics/` (published `MetricEditSerializerV2`: only `name` is
 * required) as far as the embedded server stores a metric: name, slug, description, type,
 * eval_type, enum values, project and agents. Other published fields (prompts, alerting, triggers)
 * are accepted and ignored. `eval_type` defaults to `binary`; an enum metric needs its values.
 */
export const MetricInputSchema = z
  .object({
    name: z.string().trim().min(1, 'This field may not be blank.').max(255),
    slug: z.string().max(255).nullable().optional(),
    description: z.string().nullable().optional(),
    type: z.enum(METRIC_TYPES).optional(),
    eval_type: EvalTypeSchema.optional(),
    enum_values: z.array(z.string().min(1).max(255)).max(100).optional(),
    project: z.number().int().positive().nullable().optional(),
    agents: z.array(z.number().int().positive().nullable()).max(1000).optional(),
  })
  .loose()
  .superRefine((input, ctx) => {
    if (input.eval_type === 'enum' && (input.enum_values ?? []).length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['enum_values'],
        message: 'An enum metric needs its enum_values.',
      });
  });
export type MetricInput = z.infer<typeof MetricInputSchema>;

/** v1 (`SchemaPostMetricEdit`) publishes `eval_type` as required as well. */
export const MetricInputV1Schema = MetricInputSchema.safeExtend({ eval_type: EvalTypeSchema });

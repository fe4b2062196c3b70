import * as z from 'zod';
import { paginated } from './paginated-schema.ts';

export const CallLogMetricSchema = z
  .object({
    id: z.number().int().optional(),
    name: z.string().optional(),
    type: z.string().nullable().optional(),
    score: z.number().nullable().optional(),
    enum: z.string().nullable().optional(),
    value: z.unknown().optional(),
  })
  .loose();

/** `CallLogList` item: the fields the call list side panel shows. `duration` is "MM:SS" here (7.2). */
export const CallLogSchema = z
  .object({
    id: z.number().int(),
    timestamp: z.string().nullable(),
    success: z.boolean().nullable(),
    is_reviewed: z.boolean().optional(),
    status: z.string().nullable().optional(),
    call_ended_reason: z.string().nullable().optional(),
    customer_number: z.string().nullable().optional(),
    dropoff_point: z.string().nullable().optional(),
    topic: z.string().nullable().optional(),
    agent: z.number().int().nullable().optional(),
    agent_name: z.string().nullable().optional(),
    call_id: z.string().nullable().optional(),
    duration: z.string().nullable().optional(),
    metrics: z.array(CallLogMetricSchema).optional(),
    created_at: z.string().nullable().optional(),
    updated_at: z.string().nullable().optional(),
  })
  .loose();
export type CallLog = z.infer<typeof CallLogSchema>;
export const CallLogPageSchema = paginated(CallLogSchema);

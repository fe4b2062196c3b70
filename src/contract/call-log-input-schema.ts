import * as z from 'zod';

/**
 * The body of `POST /observability/v1|v2/call-logs/` (published `CallLogDetail`: only `call_id` is
 * required) and one row of an imported file (a `GET /observability/v2/call-logs/` item, a JSON Lines
 * row or a CSV row). Read-only fields of the published schema that an export carries (`duration`,
 * `metadata`, `agent_name`, the v2 `metrics` list) are accepted too, because a call without them
 * charts nothing; everything else unknown is ignored, as DRF ignores it: dropped while parsing
 * (zod's default), never copied, which at a million imported rows is seconds. Transcripts and
 * recording URLs are accepted and never stored (no chart reads them). Lengths are the published
 * `maxLength`s.
 */

const text = (max: number) => z.string().max(max).nullable().optional();

/** Seconds as a number, or the list's "MM:SS" / "HH:MM:SS" text; a plain digit string is seconds. */
export const CallDurationSchema = z.union([
  z.number().nonnegative().max(1e9),
  z
    .string()
    .regex(/^(\d{1,9}(\.\d+)?|\d{1,6}:\d{2}(:\d{2})?)$/, 'Enter seconds or a duration as MM:SS or HH:MM:SS.')
    .transform(parseDurationText),
]);

/** "75", "01:15" and "00:01:15" are all 75 seconds. */
export function parseDurationText(raw: string): number {
  if (!raw.includes(':')) return Number(raw);
  return raw.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** One evaluation as the v2 list carries it: a metric (by id or name) and its value. */
export const CallMetricInputSchema = z
  .object({
    id: z.number().int().positive().nullable().optional(),
    name: z.string().max(255).nullable().optional(),
    type: z.string().nullable().optional(),
    score: z.number().nullable().optional(),
    enum: z.string().nullable().optional(),
    value: z.union([z.string(), z.number(), z.boolean()]).nullable().optional(),
  })
  .refine((m) => m.id != null || (m.name ?? '') !== '', 'Name the metric by its id or name.');
export type CallMetricInput = z.infer<typeof CallMetricInputSchema>;

const STATUSES = ['success', 'failure', 'reviewed_success', 'reviewed_failure'] as const;

export const CallLogInputSchema = z.object({
  call_id: z.string().trim().min(1, 'This field may not be blank.').max(100),
  timestamp: z.iso.datetime({ offset: true, local: false }).nullable().optional(),
  success: z.boolean().nullable().optional(),
  is_reviewed: z.boolean().optional(),
  status: z.enum(STATUSES).nullable().optional(),
  call_ended_reason: text(100),
  dropoff_point: text(1000),
  topic: text(1000),
  customer_number: text(100),
  // Checked for its published length, not stored.
  trace_id: text(32),
  agent: z.number().int().positive().nullable().optional(),
  // Published as a string; digits name our agent id.
  agent_id: z
    .union([z.string().regex(/^\d{1,15}$/, 'Enter an agent id (digits).'), z.number().int().positive()])
    .nullable()
    .optional(),
  agent_name: z.string().max(255).nullable().optional(),
  project: z.number().int().positive().nullable().optional(),
  duration: CallDurationSchema.nullable().optional(),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  metrics: z.array(CallMetricInputSchema).max(500).optional(),
});
export type CallLogInput = z.infer<typeof CallLogInputSchema>;

/** A validated call, normalised for storage (what the ingest store writes). */
export interface IngestCall {
  callId: string;
  /** Milliseconds since the epoch; null means "now" at storage time. */
  timestampMs: number | null;
  durationSeconds: number | null;
  success: boolean | null;
  isReviewed: boolean;
  callEndedReason: string | null;
  dropoffPoint: string | null;
  topic: string | null;
  customerNumber: string | null;
  agentId: number | null;
  agentName: string | null;
  metadata: Record<string, unknown> | null;
  metrics: CallMetricInput[];
}

/**
 * The storable call of a validated input. `status` fills `success`/`is_reviewed` when they are
 * absent (an export may carry only the status). Total.
 */
export function toIngestCall(input: CallLogInput): IngestCall {
  const status = input.status ?? null;
  const agentId =
    input.agent ?? (input.agent_id === undefined || input.agent_id === null ? null : Number(input.agent_id));
  return {
    callId: input.call_id,
    timestampMs: input.timestamp ? Date.parse(input.timestamp) : null,
    durationSeconds: input.duration ?? null,
    success:
      input.success !== undefined ? input.success : status === null ? null : status.endsWith('success'),
    isReviewed: input.is_reviewed ?? status?.startsWith('reviewed_') === true,
    callEndedReason: input.call_ended_reason ?? null,
    dropoffPoint: input.dropoff_point ?? null,
    topic: input.topic ?? null,
    customerNumber: input.customer_number ?? null,
    agentId,
    agentName: input.agent_name ?? null,
    metadata: input.metadata ?? null,
    metrics: input.metrics ?? [],
  };
}

import * as z from 'zod';
import { metadataKeyOf } from './field-catalogue.ts';

/**
 * Value counts: Widget Studio's own extension of the Cekura contract (not a Cekura route, hence the
 * `/studio/` path), served by the embedded server only. `GET ?field=topic&project_id=2&limit=20`
 * answers the most frequent values of a text field over the project's calls of the data window, for
 * the filter builder's suggestions. A client must treat its absence (404 from a forwarding server or
 * the real API) as "no suggestions".
 */
export const VALUE_COUNTS_PATH = '/studio/v1/value-counts/';
export const VALUE_COUNTS_DEFAULT_LIMIT = 20;
export const VALUE_COUNTS_MAX_LIMIT = 100;
/** Calls of the last this many days are counted (the D11 data window). */
export const VALUE_COUNTS_WINDOW_DAYS = 30;

/**
 * Call fields a dashboard variable can be set on (their values, with counts): the text and yes/no
 * fields (booleans are counted as "true"/"false"); `metadata.<key>` is accepted too. Left out: agents
 * (the dashboard has its own agent control), ids, times and durations (ranges, not values to pick) and
 * customer numbers (one value per caller, and a variable's values travel in shareable URLs).
 */
export const VALUE_COUNT_FIELDS = [
  'topic',
  'call_ended_reason',
  'dropoff_point',
  'success',
  'is_reviewed',
] as const;

/** Whether value counts (and so value suggestions) exist for a filter field. Total. */
export function hasValueCounts(field: string): boolean {
  return VALUE_COUNT_FIELDS.some((known) => known === field) || metadataKeyOf(field) !== null;
}

export const ValueCountSchema = z.object({ value: z.string(), count: z.number().int() });
export type ValueCount = z.infer<typeof ValueCountSchema>;

export const ValueCountsResponseSchema = z.object({
  field: z.string(),
  window_days: z.number().int(),
  /** Most frequent first (ties by value); empty and null values are not listed. */
  results: z.array(ValueCountSchema),
  /** With `missing=true`: the calls of the window without a value (shown as "(none)"). */
  missing: z.number().int().optional(),
});
export type ValueCountsResponse = z.infer<typeof ValueCountsResponseSchema>;

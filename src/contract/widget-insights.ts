import * as z from 'zod';
import { NullableFilterSchema } from './filter-schema.ts';
import { WidgetColorSchema } from './widget-display.ts';

/**
 * Comparison and thresholds, Widget Studio's settings kept in `metadata.compare` and
 * `metadata.thresholds` beside `layout` and `display` (D14; docs/decisions/0018). Read leniently: an
 * older or unknown shape still opens (it reads as "off" or is upgraded), an invalid threshold is left
 * out of the drawing, and keys we do not know are kept when the setting is written back.
 */

/** How far back the compared window lies: its own length ("previous period") or a fixed offset. */
export const COMPARE_OFFSETS = ['period', '1d', '1w', '4w'] as const;
export const CompareOffsetSchema = z.enum(COMPARE_OFFSETS);
export type CompareOffset = z.infer<typeof CompareOffsetSchema>;

export const COMPARE_OFFSET_LABELS: Record<CompareOffset, string> = {
  period: 'Previous period',
  '1d': '1 day earlier',
  '1w': '1 week earlier',
  '4w': '4 weeks earlier',
};

export const CohortSchema = z.looseObject({
  label: z.string().trim().min(1, 'Name this cohort.').max(40),
  filters: NullableFilterSchema,
});
export type Cohort = z.infer<typeof CohortSchema>;

export const CompareSettingSchema = z.discriminatedUnion('mode', [
  z.looseObject({ mode: z.literal('previous'), offset: CompareOffsetSchema }),
  z.looseObject({
    mode: z.literal('cohorts'),
    cohorts: z.array(CohortSchema).min(2, 'Add at least two cohorts.').max(4, 'At most four cohorts.'),
  }),
]);
export type CompareSetting = z.infer<typeof CompareSettingSchema>;

export const THRESHOLD_KINDS = ['above', 'below', 'outside'] as const;
/** The stat figure (D3) a threshold on a stat widget applies to. */
export const STAT_FIGURES = ['total_calls', 'success_rate', 'avg_duration', 'p95_latency'] as const;
const figure = z.enum(STAT_FIGURES).default('p95_latency');

const finite = (name: string) =>
  z.number({ error: `${name} must be a number.` }).refine(Number.isFinite, `${name} must be a number.`);

/** One threshold: a line (`above`/`below` a value) or a band (`outside` [low, high]). */
export const ThresholdSchema = z.discriminatedUnion('kind', [
  z.looseObject({
    kind: z.enum(['above', 'below']),
    value: finite('The value'),
    label: z.string().max(40).default(''),
    color: WidgetColorSchema.default('rose'),
    figure,
  }),
  z
    .looseObject({
      kind: z.literal('outside'),
      low: finite('Low'),
      high: finite('High'),
      label: z.string().max(40).default(''),
      color: WidgetColorSchema.default('rose'),
      figure,
    })
    .refine((t) => t.low <= t.high, { message: 'Low must not be greater than high.', path: ['high'] }),
]);
export type Threshold = z.infer<typeof ThresholdSchema>;
export const MAX_THRESHOLDS = 4;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `metadata.compare` as a setting, or null when comparison is off or unreadable. Older shapes are
 * upgraded: `true` or `"previous"` mean the previous period; a `{mode:"previous"}` without a known
 * offset uses the period. Total.
 */
export function readCompareSetting(metadata: unknown): CompareSetting | null {
  const raw = isRecord(metadata) ? metadata.compare : undefined;
  if (raw === true || raw === 'previous') return { mode: 'previous', offset: 'period' };
  if (!isRecord(raw)) return null;
  if (raw.mode === 'previous' && !CompareOffsetSchema.safeParse(raw.offset).success)
    return { ...raw, mode: 'previous', offset: 'period' };
  const parsed = CompareSettingSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/**
 * `metadata.thresholds` as a list of valid thresholds (invalid entries left out). An older single
 * threshold (`threshold: 1500` or `thresholds: {value: 1500}`) reads as one "above" line. Total.
 */
export function readThresholds(metadata: unknown): Threshold[] {
  if (!isRecord(metadata)) return [];
  const raw: unknown = metadata.thresholds ?? metadata.threshold;
  const items: unknown[] = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return items.flatMap((item): Threshold[] => {
    const candidate = typeof item === 'number' ? { kind: 'above', value: item } : item;
    const upgraded =
      isRecord(candidate) && candidate.kind === undefined ? { ...candidate, kind: 'above' } : candidate;
    const parsed = ThresholdSchema.safeParse(upgraded);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Metadata with the comparison and thresholds written in the current shape; every other key is kept
 * as it was (an older `threshold` key is replaced by `thresholds`). A null comparison and an empty
 * list remove their keys. Pure: returns a new object.
 */
export function writeInsights(
  metadata: unknown,
  insights: { compare: CompareSetting | null; thresholds: readonly Threshold[] },
): Record<string, unknown> {
  const next: Record<string, unknown> = isRecord(metadata) ? { ...metadata } : {};
  delete next.threshold;
  if (insights.compare === null) delete next.compare;
  else next.compare = insights.compare;
  if (insights.thresholds.length === 0) delete next.thresholds;
  else next.thresholds = [...insights.thresholds];
  return next;
}

/** Whether a value lies beyond a threshold (above its line, below it, or outside its band). */
export function isBeyondThreshold(value: number, threshold: Threshold): boolean {
  switch (threshold.kind) {
    case 'above':
      return value > threshold.value;
    case 'below':
      return value < threshold.value;
    case 'outside':
      return value < threshold.low || value > threshold.high;
  }
}

/** A threshold in words: "above 1,500", "outside 10–20". */
export function describeThreshold(threshold: Threshold, format: (value: number) => string): string {
  if (threshold.kind === 'outside') return `outside ${format(threshold.low)}–${format(threshold.high)}`;
  return `${threshold.kind} ${format(threshold.value)}`;
}

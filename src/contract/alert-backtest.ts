import * as z from 'zod';

/**
 * Cekura's two alert kinds on a metric, as its docs define them, and a backtest that replays a
 * metric's evaluations in time order to find every moment such an alert would have fired
 * (docs/decisions/0018). The embedded server runs it over the stored evaluations
 * (`POST /studio/alert-backtest/`); the same function is checked against hand-worked examples.
 */

export const THRESHOLD_CONDITIONS = ['gt', 'gte', 'lt', 'lte'] as const;
export const THRESHOLD_CONDITION_LABELS: Record<(typeof THRESHOLD_CONDITIONS)[number], string> = {
  gt: 'value > threshold',
  gte: 'value ≥ threshold',
  lt: 'value < threshold',
  lte: 'value ≤ threshold',
};

export const TREND_PRESETS = {
  conservative: { window: 100, stdMultiplier: 3.0, alpha: 0.1 },
  balanced: { window: 50, stdMultiplier: 2.0, alpha: 0.3 },
  aggressive: { window: 25, stdMultiplier: 1.5, alpha: 0.5 },
} as const;
export type TrendPreset = keyof typeof TREND_PRESETS;
export const TREND_PRESET_NAMES = Object.keys(TREND_PRESETS) as TrendPreset[];

/** Which change is bad: a rise, a drop, or either (binary metrics must choose one). */
export const TREND_DIRECTIONS = ['up', 'down', 'both'] as const;

export const MAX_ALERT_WINDOW = 1000;

export const ThresholdAlertSchema = z
  .object({
    type: z.literal('threshold'),
    condition: z.enum(THRESHOLD_CONDITIONS),
    value: z.number({ error: 'Enter a number.' }).refine(Number.isFinite, 'Enter a number.'),
    /** Fire when at least `min_breaches` of the last `window_size` calls breach. */
    min_breaches: z.number().int('Enter a whole number.').min(1, 'At least 1.'),
    window_size: z.number().int('Enter a whole number.').min(1, 'At least 1.').max(MAX_ALERT_WINDOW),
  })
  .refine((a) => a.min_breaches <= a.window_size, {
    message: 'Min breaches cannot exceed the window size.',
    path: ['min_breaches'],
  });

export const TrendAlertSchema = z.object({
  type: z.literal('trend'),
  preset: z.enum(['conservative', 'balanced', 'aggressive']),
  direction: z.enum(TREND_DIRECTIONS).default('both'),
});

export const AlertDefinitionSchema = z.union([ThresholdAlertSchema, TrendAlertSchema]);
export type AlertDefinition = z.infer<typeof AlertDefinitionSchema>;
export type ThresholdAlert = z.infer<typeof ThresholdAlertSchema>;
export type TrendAlert = z.infer<typeof TrendAlertSchema>;

/** One evaluation of the metric: its time (epoch ms), its call and its value (binary as 1/0). */
export interface EvaluationPoint {
  t: number;
  callId: number;
  value: number;
}

export interface BacktestResult {
  /** Evaluations replayed (those with a numeric value). */
  evaluated: number;
  /** The evaluations at which the alert would have fired, oldest first. */
  fired: EvaluationPoint[];
}

function breaches(condition: ThresholdAlert['condition'], value: number, threshold: number): boolean {
  switch (condition) {
    case 'gt':
      return value > threshold;
    case 'gte':
      return value >= threshold;
    case 'lt':
      return value < threshold;
    case 'lte':
      return value <= threshold;
  }
}

/**
 * Threshold alert: a call breaches when `value <condition> threshold`; the alert fires at the call
 * where at least `min_breaches` of the last `window_size` calls (this one included) breach, and fires
 * again only after that count has fallen below `min_breaches` (one alert per episode, not per call).
 */
export function backtestThreshold(points: readonly EvaluationPoint[], alert: ThresholdAlert): BacktestResult {
  const flags = new Uint8Array(points.length);
  const fired: EvaluationPoint[] = [];
  let count = 0;
  let firing = false;
  for (let i = 0; i < points.length; i += 1) {
    const point = points[i];
    if (point === undefined) continue;
    flags[i] = breaches(alert.condition, point.value, alert.value) ? 1 : 0;
    count += flags[i] ?? 0;
    if (i >= alert.window_size) count -= flags[i - alert.window_size] ?? 0;
    if (count >= alert.min_breaches) {
      if (!firing) fired.push(point);
      firing = true;
    } else firing = false;
  }
  return { evaluated: points.length, fired };
}

export interface TrendParameters {
  window: number;
  stdMultiplier: number;
  alpha: number;
  direction: (typeof TREND_DIRECTIONS)[number];
}

/**
 * Trend alert, an EWMA control chart: after `window` calls, each call updates the smoothed value
 * z = α·x + (1 − α)·z (started at the mean of the first window) and is compared with the baseline of
 * the `window` calls before it (mean μ, standard deviation σ). It is out of bounds when z leaves
 * μ ± k·σ·√(α / (2 − α)) (the EWMA's own spread) in the chosen direction; the alert fires when a call
 * goes out of bounds and again only after one has come back.
 */
export function backtestTrend(
  points: readonly EvaluationPoint[],
  parameters: TrendParameters,
): BacktestResult {
  const { window, stdMultiplier, alpha, direction } = parameters;
  const spread = stdMultiplier * Math.sqrt(alpha / (2 - alpha));
  const fired: EvaluationPoint[] = [];
  let sum = 0;
  let sumSquares = 0;
  let z = 0;
  let out = false;
  for (let i = 0; i < points.length; i += 1) {
    const point = points[i];
    if (point === undefined) continue;
    if (i >= window) {
      const mean = sum / window;
      const sigma = Math.sqrt(Math.max(0, sumSquares / window - mean * mean));
      if (i === window) z = mean;
      z = alpha * point.value + (1 - alpha) * z;
      const limit = spread * sigma;
      const high = z > mean + limit && !isClose(z, mean + limit);
      const low = z < mean - limit && !isClose(z, mean - limit);
      const now = direction === 'up' ? high : direction === 'down' ? low : high || low;
      if (now && !out) fired.push(point);
      out = now;
      const leaving = points[i - window]?.value ?? 0;
      sum -= leaving;
      sumSquares -= leaving * leaving;
    }
    sum += point.value;
    sumSquares += point.value * point.value;
  }
  return { evaluated: points.length, fired };
}

/** Rounding in the running sums must not turn a flat series into an alert. */
function isClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Replays the evaluations (oldest first) against an alert definition. Pure and total. */
export function backtestAlert(points: readonly EvaluationPoint[], alert: AlertDefinition): BacktestResult {
  if (alert.type === 'threshold') return backtestThreshold(points, alert);
  return backtestTrend(points, { ...TREND_PRESETS[alert.preset], direction: alert.direction });
}

/** "would have fired 7 times in the last 7 days". */
export function describeBacktest(firedCount: number, window: string): string {
  if (firedCount === 0) return `would not have fired in ${window}`;
  return `would have fired ${firedCount} ${firedCount === 1 ? 'time' : 'times'} in ${window}`;
}

/** `POST /studio/alert-backtest/` body (contract 12). */
export const AlertBacktestRequestSchema = z.object({
  widget: z.number().int(),
  alert: AlertDefinitionSchema,
});
export type AlertBacktestRequest = z.infer<typeof AlertBacktestRequestSchema>;

/** The most fired moments listed in an answer; `fired_count` always counts them all. */
export const BACKTEST_MAX_FIRED = 1000;

export const AlertBacktestResponseSchema = z.object({
  widget: z.number().int(),
  metric: z.number().int(),
  from: z.string(),
  to: z.string(),
  evaluated: z.number().int(),
  fired_count: z.number().int(),
  fired: z.array(z.object({ timestamp: z.string(), call_id: z.number().int(), value: z.number() })),
});
export type AlertBacktestResponse = z.infer<typeof AlertBacktestResponseSchema>;

export const ALERT_BACKTEST_PATH = '/studio/alert-backtest/';

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

/**
 * A metric's evaluations in time order, one array per column: a month of a busy metric is a million
 * evaluations, which fit in three typed arrays where a million objects would cost more to build than
 * the replay itself. A point object is made only for the moments an alert fires.
 */
export interface EvaluationSeries {
  readonly length: number;
  readonly t: ArrayLike<number>;
  readonly callId: ArrayLike<number>;
  readonly value: ArrayLike<number>;
}

/** The columnar form of a list of points (tests and small callers). */
export function seriesOf(points: readonly EvaluationPoint[]): EvaluationSeries {
  return {
    length: points.length,
    t: points.map((p) => p.t),
    callId: points.map((p) => p.callId),
    value: points.map((p) => p.value),
  };
}

function pointAt(series: EvaluationSeries, index: number): EvaluationPoint {
  return { t: series.t[index] ?? 0, callId: series.callId[index] ?? 0, value: series.value[index] ?? 0 };
}

export interface BacktestResult {
  /** Evaluations replayed (those with a numeric value). */
  evaluated: number;
  /** How many times the alert would have fired. */
  firedCount: number;
  /** The evaluations at which it would have fired, oldest first: the first `listed` of them. */
  fired: EvaluationPoint[];
}

/**
 * Collects the moments an alert fires: all are counted, the first `listed` kept as points (a noisy
 * trend alert over a million evaluations fires tens of thousands of times; an answer lists a thousand).
 */
function firedCollector(series: EvaluationSeries, listed: number) {
  const fired: EvaluationPoint[] = [];
  let count = 0;
  return {
    add(index: number) {
      count += 1;
      if (fired.length < listed) fired.push(pointAt(series, index));
    },
    result: (): BacktestResult => ({ evaluated: series.length, firedCount: count, fired }),
  };
}

/** The breach test of a condition, chosen once rather than per evaluation (a million of them). */
function breachTest(condition: ThresholdAlert['condition'], threshold: number): (value: number) => boolean {
  switch (condition) {
    case 'gt':
      return (value) => value > threshold;
    case 'gte':
      return (value) => value >= threshold;
    case 'lt':
      return (value) => value < threshold;
    case 'lte':
      return (value) => value <= threshold;
  }
}

/**
 * Threshold alert: a call breaches when `value <condition> threshold`; the alert fires at the call
 * where at least `min_breaches` of the last `window_size` calls (this one included) breach, and fires
 * again only after that count has fallen below `min_breaches` (one alert per episode, not per call).
 */
export function backtestThreshold(
  series: EvaluationSeries,
  alert: ThresholdAlert,
  listed = Number.POSITIVE_INFINITY,
): BacktestResult {
  const breaches = breachTest(alert.condition, alert.value);
  const size = alert.window_size;
  // The last `size` flags, as a ring: slot i % size holds call i's until call i + size replaces it.
  const ring = new Uint8Array(size);
  const values = series.value;
  const fired = firedCollector(series, listed);
  let count = 0;
  let slot = 0;
  let firing = false;
  for (let i = 0; i < series.length; i += 1) {
    const flag = breaches(values[i] ?? Number.NaN) ? 1 : 0;
    count += flag - (ring[slot] ?? 0);
    ring[slot] = flag;
    slot = slot + 1 === size ? 0 : slot + 1;
    if (count >= alert.min_breaches) {
      if (!firing) fired.add(i);
      firing = true;
    } else firing = false;
  }
  return fired.result();
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
  series: EvaluationSeries,
  parameters: TrendParameters,
  listed = Number.POSITIVE_INFINITY,
): BacktestResult {
  const { window, stdMultiplier, alpha, direction } = parameters;
  const spread = stdMultiplier * Math.sqrt(alpha / (2 - alpha));
  const values = series.value;
  const fired = firedCollector(series, listed);
  let sum = 0;
  let sumSquares = 0;
  let z = 0;
  let out = false;
  for (let i = 0; i < series.length; i += 1) {
    const value = values[i] ?? 0;
    if (i >= window) {
      const mean = sum / window;
      const sigma = Math.sqrt(Math.max(0, sumSquares / window - mean * mean));
      if (i === window) z = mean;
      z = alpha * value + (1 - alpha) * z;
      const limit = spread * sigma;
      const high = z > mean + limit && !isClose(z, mean + limit);
      const low = z < mean - limit && !isClose(z, mean - limit);
      const now = direction === 'up' ? high : direction === 'down' ? low : high || low;
      if (now && !out) fired.add(i);
      out = now;
      const leaving = values[i - window] ?? 0;
      sum -= leaving;
      sumSquares -= leaving * leaving;
    }
    sum += value;
    sumSquares += value * value;
  }
  return fired.result();
}

/** Rounding in the running sums must not turn a flat series into an alert. */
function isClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Replays the evaluations (oldest first) against an alert definition, listing the first `listed`
 * moments it fires and counting them all. Pure and total.
 */
export function backtestAlert(
  series: EvaluationSeries,
  alert: AlertDefinition,
  listed = Number.POSITIVE_INFINITY,
): BacktestResult {
  if (alert.type === 'threshold') return backtestThreshold(series, alert, listed);
  return backtestTrend(series, { ...TREND_PRESETS[alert.preset], direction: alert.direction }, listed);
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

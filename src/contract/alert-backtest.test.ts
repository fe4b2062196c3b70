import {
  AlertDefinitionSchema,
  backtestAlert,
  backtestThreshold,
  backtestTrend,
  describeBacktest,
  seriesOf,
  TREND_PRESETS,
  type EvaluationPoint,
} from './alert-backtest.ts';

const series = (values: number[]) =>
  seriesOf(values.map((value, i) => ({ t: 1_000 * i, callId: 100 + i, value })));
const firedAt = (points: EvaluationPoint[]) => points.map((p) => p.callId - 100);

describe('backtestThreshold (worked by hand)', () => {
  // gt 10, 2 of the last 3: breaches at 1, 3, 4, 5, 9, 10. The count of the last three reaches 2 at
  // call 3 (calls 1 and 3), stays ≥ 2 until call 7 (only call 5 left), and reaches 2 again at call 10.
  const values = [5, 12, 6, 13, 14, 15, 4, 3, 2, 11, 12];
  it('fires once per episode, when M of the last N calls breach', () => {
    const result = backtestThreshold(series(values), {
      type: 'threshold',
      condition: 'gt',
      value: 10,
      min_breaches: 2,
      window_size: 3,
    });
    expect(firedAt(result.fired)).toEqual([3, 10]);
    expect(result.evaluated).toBe(11);
  });
  it.each([
    ['gt', 12, [3]],
    ['gte', 12, [1, 3, 10]],
    ['lt', 5, [6]],
    ['lte', 5, [0, 6]],
  ] as const)('1 of 1 with %s %d', (condition, value, expected) => {
    const result = backtestThreshold(series(values), {
      type: 'threshold',
      condition,
      value,
      min_breaches: 1,
      window_size: 1,
    });
    expect(firedAt(result.fired)).toEqual(expected);
  });
  it('never fires on an empty series', () => {
    const alert = { type: 'threshold', condition: 'gt', value: 0, min_breaches: 1, window_size: 1 } as const;
    expect(backtestThreshold(seriesOf([]), alert)).toEqual({ evaluated: 0, firedCount: 0, fired: [] });
  });
});

describe('backtestTrend (worked by hand)', () => {
  // window 2, k 1, α 0.5: the spread factor is √(0.5/1.5) = 0.57735.
  // call 2: μ 11, σ 1, z = 11 (start) → 11: inside 11 ± 0.577.
  // call 3: μ 11.5, σ 0.5, z = 0.5·20 + 0.5·11 = 15.5 > 11.789: out, up.
  // call 4: μ 15.5, σ 4.5, z = 0.5·21 + 0.5·15.5 = 18.25 > 18.098: still out, up.
  // call 5: μ 20.5, σ 0.5, z = 0.5·11 + 0.5·18.25 = 14.625 < 20.211: out, down.
  const values = [10, 12, 11, 20, 21, 11];
  const base = { window: 2, stdMultiplier: 1, alpha: 0.5 };
  it.each([
    ['up', [3]],
    ['down', [5]],
    ['both', [3]],
  ] as const)('direction %s', (direction, expected) => {
    expect(firedAt(backtestTrend(series(values), { ...base, direction }).fired)).toEqual(expected);
  });
  it('a flat series never fires', () => {
    expect(
      backtestTrend(series(Array.from({ length: 300 }, () => 0.3)), { ...base, direction: 'both' }).fired,
    ).toEqual([]);
  });
  it('needs a full window before it judges', () => {
    expect(backtestTrend(series([1, 100]), { ...base, direction: 'both' }).fired).toEqual([]);
  });
  it('uses the documented presets', () => {
    expect(TREND_PRESETS).toEqual({
      conservative: { window: 100, stdMultiplier: 3, alpha: 0.1 },
      balanced: { window: 50, stdMultiplier: 2, alpha: 0.3 },
      aggressive: { window: 25, stdMultiplier: 1.5, alpha: 0.5 },
    });
  });
  it('a binary metric that starts failing fires once, downwards (aggressive preset)', () => {
    // 1 failure then 24 passes: μ 0.96, σ = √(0.96 − 0.96²) = 0.19596; the bound is
    // μ − 1.5·σ·√(0.5/1.5) = 0.96 − 0.16971 = 0.79029. The first failure after the window takes
    // z from 0.96 to 0.48: out, so it fires at call 25; z keeps falling, so it stays out.
    const values = [0, ...Array.from({ length: 24 }, () => 1), ...Array.from({ length: 5 }, () => 0)];
    const down = backtestAlert(series(values), { type: 'trend', preset: 'aggressive', direction: 'down' });
    expect(firedAt(down.fired)).toEqual([25]);
    const up = backtestAlert(series(values), { type: 'trend', preset: 'aggressive', direction: 'up' });
    expect(up.fired).toEqual([]);
  });
});

describe('backtestAlert listing', () => {
  // 1 of 1 above 10 on an alternating series: every other call is a new episode, 50 in all.
  const values = Array.from({ length: 100 }, (_, i) => (i % 2 === 1 ? 20 : 0));
  const alert = { type: 'threshold', condition: 'gt', value: 10, min_breaches: 1, window_size: 1 } as const;
  it('counts every firing and lists only the first `listed`, oldest first', () => {
    const all = backtestAlert(series(values), alert);
    expect(all.firedCount).toBe(50);
    expect(all.fired).toHaveLength(50);
    const capped = backtestAlert(series(values), alert, 3);
    expect(capped.firedCount).toBe(50);
    expect(firedAt(capped.fired)).toEqual([1, 3, 5]);
  });
  it('reads a columnar series of typed arrays like one of plain arrays', () => {
    const plain = series(values);
    const typed = {
      length: plain.length,
      t: Float64Array.from(plain.t),
      callId: Float64Array.from(plain.callId),
      value: Float64Array.from(plain.value),
    };
    expect(backtestAlert(typed, alert)).toEqual(backtestAlert(plain, alert));
  });
});

describe('AlertDefinitionSchema', () => {
  it('refuses more breaches than the window holds', () => {
    const parsed = AlertDefinitionSchema.safeParse({
      type: 'threshold',
      condition: 'gt',
      value: 1,
      min_breaches: 5,
      window_size: 3,
    });
    expect(parsed.success).toBe(false);
  });
  it('defaults the trend direction to both', () => {
    expect(AlertDefinitionSchema.parse({ type: 'trend', preset: 'balanced' })).toEqual({
      type: 'trend',
      preset: 'balanced',
      direction: 'both',
    });
  });
});

it('describes the count in words', () => {
  expect(describeBacktest(7, 'the last 7 days')).toBe('would have fired 7 times in the last 7 days');
  expect(describeBacktest(1, 'the last day')).toBe('would have fired 1 time in the last day');
  expect(describeBacktest(0, 'the last day')).toBe('would not have fired in the last day');
});

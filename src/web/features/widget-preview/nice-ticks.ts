/** Step sizes a reader counts in, per power of ten. */
const NICE_STEPS = [1, 2, 5, 10];
/** About this many intervals between the lowest and the highest tick. */
const TARGET_INTERVALS = 5;

/**
 * Round value-axis ticks covering `min`…`max` and zero: a step of 1, 2 or 5 times a power of ten, the
 * first tick at or below the data and the last at or above it ("0, 500, 1000 … 2500", never "550,
 * 1.1K, 1.7K"). Non-finite input or an all-zero range gives [0, 1]. Pure and total.
 */
export function niceTicks(min: number, max: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  const low = Math.min(0, min, max);
  const high = Math.max(0, min, max);
  if (high === low) return [0, 1];
  const rough = (high - low) / TARGET_INTERVALS;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = (NICE_STEPS.find((nice) => nice * power >= rough * (1 - 1e-9)) ?? 10) * power;
  const first = Math.floor(low / step + 1e-9);
  const last = Math.ceil(high / step - 1e-9);
  const ticks: number[] = [];
  // Multiples of the step, each rounded to the step's precision: 0.6000000000000001 is 0.6.
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  for (let i = first; i <= last; i += 1) ticks.push(Number((i * step).toFixed(digits)) + 0);
  return ticks;
}

// One domain per ticks array: Recharts recomputes an axis when its `domain` changes identity.
const domains = new WeakMap<readonly number[], [number, number]>();

/** The axis domain the ticks span, first to last tick ([0, 1] for none), the same array each call. */
export function tickDomain(ticks: readonly number[]): [number, number] {
  let domain = domains.get(ticks);
  if (!domain) {
    domain = [ticks[0] ?? 0, ticks[ticks.length - 1] ?? 1];
    domains.set(ticks, domain);
  }
  return domain;
}

import type { SeriesShape } from './chart-model.ts';

/** At most this many groups get a faded twin: more would double an already crowded legend. */
export const MAX_TWINS = 4;

/** The key of the compared series of an ungrouped chart. */
export const COMPARISON_KEY = 'cmp';

/**
 * The compared series of a chart: one faded series for an ungrouped comparison, or one faded twin per
 * group (same group, hence same colour) for the first MAX_TWINS groups of the chart that the compared
 * window also has. `uncompared` counts the chart's groups beyond MAX_TWINS, which the card names
 * rather than crowd the legend. Pure and total.
 */
export function pickTwins<T>(
  main: readonly { label: string | null }[],
  compared: readonly { label: string | null; payload: T }[],
  comparisonLabel: string,
): { twins: { series: SeriesShape; payload: T }[]; uncompared: number } {
  const [only] = compared;
  if (compared.length === 1 && only?.label === null) {
    const series = { key: COMPARISON_KEY, label: comparisonLabel, group: null, comparison: true };
    return { twins: [{ series, payload: only.payload }], uncompared: 0 };
  }
  const groups = main.flatMap((g) => (g.label === null ? [] : [g.label]));
  const byLabel = new Map(compared.map((c) => [c.label, c.payload]));
  const twins = groups.slice(0, MAX_TWINS).flatMap((label, index) => {
    const payload = byLabel.get(label);
    if (payload === undefined) return [];
    const series = { key: `c${index}`, label: `${label} (earlier)`, group: label, comparison: true };
    return [{ series, payload }];
  });
  return { twins, uncompared: compared.length === 0 ? 0 : Math.max(0, groups.length - MAX_TWINS) };
}

/**
 * Series with each twin right after its group (bars side by side, legend entries paired); an
 * ungrouped comparison stays last. Pure: a new array.
 */
export function pairTwins<S extends { group: string | null; comparison: boolean }>(
  series: readonly S[],
): S[] {
  const twins = series.filter((s) => s.comparison && s.group !== null);
  return series
    .filter((s) => !(s.comparison && s.group !== null))
    .flatMap((s) => (s.comparison ? [s] : [s, ...twins.filter((t) => t.group === s.group)]));
}

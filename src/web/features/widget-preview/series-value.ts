const accessors = new Map<
  string,
  (row: { values: Record<string, number | null> }) => number | null | undefined
>();

/**
 * The `dataKey` of one series: a function reading `row.values[seriesKey]`, the same function for the
 * same key every time. Recharts keeps series settings in a store and recomputes a series whose
 * `dataKey` changes identity, so an inline arrow would redraw every point on any render; a string path
 * (`values.s0`) keeps its identity but is parsed again on every read of every row. Series keys are
 * few and synthetic (`s0`…`s11`, `cmp`), so the cache stays small.
 */
export function seriesValue(seriesKey: string) {
  let accessor = accessors.get(seriesKey);
  if (!accessor) {
    accessor = (row) => row.values[seriesKey];
    accessors.set(seriesKey, accessor);
  }
  return accessor;
}

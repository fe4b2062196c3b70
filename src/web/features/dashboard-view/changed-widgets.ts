/**
 * The widgets whose result is a different object than before: React Query keeps the previous object
 * of an unchanged answer (structural sharing), so identity is "same values". Only widgets present on
 * both sides count (a first load or a new widget is not a change). Total.
 */
export function changedWidgetIds<T>(
  before: Readonly<Record<number, T>> | undefined,
  after: Readonly<Record<number, T>> | undefined,
): number[] {
  if (!before || !after || before === after) return [];
  return Object.keys(after)
    .map(Number)
    .filter((id) => id in before && before[id] !== after[id]);
}

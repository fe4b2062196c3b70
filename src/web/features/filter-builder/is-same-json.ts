/**
 * Structural equality of JSON-like values (objects by own keys in any order, arrays by position,
 * everything else with `Object.is`). Used to tell the builder's own echo of a value from a new one. Total.
 */
export function isSameJson(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => isSameJson(item, b[index]))
    );
  }
  const aKeys = Object.keys(a).filter((key) => Reflect.get(a, key) !== undefined);
  const bKeys = Object.keys(b).filter((key) => Reflect.get(b, key) !== undefined);
  return (
    aKeys.length === bKeys.length &&
    aKeys.every((key) => Object.hasOwn(b, key) && isSameJson(Reflect.get(a, key), Reflect.get(b, key)))
  );
}

/**
 * Structural equality of JSON-like values: objects compare by their own enumerable keys regardless of
 * order (a filter the server echoes with keys reordered is still the same filter, and the filter builder
 * tells its own echo of a value from a new one), arrays by position,
 * everything else with `Object.is`. An `undefined` property counts as absent, as it does in JSON. Total.
 */
export function isJsonEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => isJsonEqual(item, b[index]));
  }
  const aKeys = definedKeys(a);
  const bKeys = definedKeys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) => Object.hasOwn(b, key) && isJsonEqual(Reflect.get(a, key), Reflect.get(b, key)));
}

function definedKeys(value: object): string[] {
  return Object.keys(value).filter((key) => Reflect.get(value, key) !== undefined);
}

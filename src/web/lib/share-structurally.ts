import { replaceEqualDeep } from '@tanstack/react-query';

/** Whether a parsed JSON value holds an own `__proto__` key at any depth. Iterative, so it cannot overflow. */
function hasProtoKey(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (!Array.isArray(node) && Object.hasOwn(node, '__proto__')) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push(child);
  }
  return false;
}

/**
 * TanStack Query's structural sharing (unchanged parts keep their old references), except for data
 * with a `__proto__` key: the shared copy is built by assignment, which would turn that key into the
 * copy's prototype and drop it, and widget metadata must keep every key (D14). Such data is used as it is.
 */
export function shareStructurally(oldData: unknown, newData: unknown): unknown {
  // Nothing to share with on a first answer: skip the walk (a 50,000-point line costs tens of ms).
  if (oldData === undefined) return newData;
  return hasProtoKey(newData) ? newData : replaceEqualDeep(oldData, newData);
}

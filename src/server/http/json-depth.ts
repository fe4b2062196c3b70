/**
 * Deepest nesting accepted in a JSON body or JSON query parameter. Filters need about 17 levels (8
 * groups, D11) and widget metadata far fewer; the cap keeps recursive validation and serialisation
 * from exhausting the stack on hostile input (a 256 KiB body can nest some 40,000 levels).
 */
export const MAX_JSON_DEPTH = 64;

export const TOO_DEEP_MESSAGE = `JSON parse error - nesting is too deep (limit ${MAX_JSON_DEPTH} levels).`;

/** Whether a parsed JSON value nests objects/arrays deeper than `limit`. Iterative, so it cannot overflow. */
export function exceedsJsonDepth(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const [node, depth] = item;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

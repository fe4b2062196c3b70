import { RE2JS } from 're2js';
import type { RegexCheck } from '../contract/regex-syntax.ts';

/**
 * The `regex` filter dialect (docs/decisions/0007): RE2, through re2js, a pure JavaScript port whose
 * matching is linear in the text, so no pattern can make a query backtrack for ever. A later DuckDB
 * engine keeps the same dialect (its `regexp_matches` is RE2).
 */

const CACHE_LIMIT = 256;
const compiled = new Map<string, RE2JS | string>();

/** The compiled pattern, or why it does not compile (RE2's reason, without its "error parsing" lead). */
function compile(pattern: string): RE2JS | string {
  const hit = compiled.get(pattern);
  if (hit !== undefined) return hit;
  let result: RE2JS | string;
  try {
    result = RE2JS.compile(pattern);
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    result = message.replace(/^error parsing regexp: /, '') || 'it does not compile';
  }
  if (compiled.size >= CACHE_LIMIT) compiled.clear();
  compiled.set(pattern, result);
  return result;
}

/** Why `pattern` is not a valid RE2 expression, or null: the server's `RegexCheck` for the contract. */
export const re2PatternProblem: RegexCheck = (pattern) => {
  const result = compile(pattern);
  return typeof result === 'string' ? result : null;
};

/**
 * Whether `pattern` matches anywhere in `text` (an unanchored search, like `RegExp.test`); false for
 * a pattern that does not compile (validation rejects those before a query runs).
 */
export function matchesRe2(pattern: string, text: string): boolean {
  const result = compile(pattern);
  return typeof result !== 'string' && result.test(text);
}

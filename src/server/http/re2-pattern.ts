import { RE2JS } from 're2js';
import type { RegexCheck } from '../../contract/regex-syntax.ts';

/**
 * The `regex` filter dialect (docs/decisions/0009): RE2, through re2js, a pure JavaScript port whose
 * matching is linear in the text, so no pattern can make a query backtrack for ever. A later DuckDB
 * engine keeps the same dialect (its `regexp_matches` is RE2).
 */

const CACHE_LIMIT = 256;
/**
 * Answers remembered per pattern. A regex filter runs once per row, and the only text field it
 * applies to (agent names) has a few distinct values: a lookup costs a twentieth of an RE2 search.
 */
const MEMO_LIMIT = 1024;
const MEMO_TEXT_LIMIT = 256;

interface Compiled {
  regex: RE2JS;
  memo: Map<string, boolean>;
}
const compiled = new Map<string, Compiled | string>();

/** The compiled pattern, or why it does not compile (RE2's reason, without its "error parsing" lead). */
function compile(pattern: string): Compiled | string {
  const hit = compiled.get(pattern);
  if (hit !== undefined) return hit;
  let result: Compiled | string;
  try {
    result = { regex: RE2JS.compile(pattern), memo: new Map() };
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
  if (typeof result === 'string') return false;
  const known = result.memo.get(text);
  if (known !== undefined) return known;
  const matches = result.regex.test(text);
  if (text.length > MEMO_TEXT_LIMIT) return matches;
  if (result.memo.size >= MEMO_LIMIT) result.memo.clear();
  result.memo.set(text, matches);
  return matches;
}

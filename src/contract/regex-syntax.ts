/**
 * Regular expressions in filters use the RE2 syntax (docs/decisions/0009): matching takes time linear
 * in the text, so no pattern can hang a query. RE2 has no backreferences, lookaround or atomic groups
 * (they are what makes backtracking engines exponential); case-insensitivity is the inline flag `(?i)`.
 *
 * A full RE2 parser is too heavy for the browser bundle, so the contract scans for what is cheap to
 * see: the constructs RE2 refuses, unbalanced parentheses and brackets, a trailing backslash. The
 * server compiles every pattern with RE2 as well and passes that check in as `RegexCheck`.
 */

/** Why `pattern` is not a valid regular expression (a reason, not a sentence), or null when it is. */
export type RegexCheck = (pattern: string) => string | null;

const RE2_ONLY = '(RE2 syntax)';
const LOOKAROUND = `lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not supported ${RE2_ONLY}`;

/** After `(?`: the constructs RE2 refuses, by their opening text. */
const UNSUPPORTED_GROUPS: readonly [string, string][] = [
  ['=', LOOKAROUND],
  ['!', LOOKAROUND],
  ['<=', LOOKAROUND],
  ['<!', LOOKAROUND],
  ['>', `atomic groups ((?>) are not supported ${RE2_ONLY}`],
];

/**
 * The end of a character class opened at `start` (the index just past its `]`), or -1 when it is
 * never closed. RE2 reads a `]` right after `[` or `[^` as a literal, and `[:alpha:]` as a named class.
 */
function classEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '^') i += 1;
  if (pattern[i] === ']') i += 1;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === ']') return i + 1;
    if (ch === '\\') i += 2;
    else if (ch === '[' && pattern[i + 1] === ':' && pattern.indexOf(':]', i + 2) >= 0)
      i = pattern.indexOf(':]', i + 2) + 2;
    else i += 1;
  }
  return -1;
}

/**
 * What a linear scan can tell about an RE2 pattern: the first problem found, as a reason, or null.
 * Never rejects a pattern RE2 accepts (a differential test checks this against RE2 itself); it may
 * accept one RE2 rejects (a bad repeat count, an unknown escape), which the server's check catches.
 */
export function findRegexSyntaxProblem(pattern: string): string | null {
  let depth = 0;
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) return 'trailing backslash at end of expression';
      // `\12` is an octal escape; a lone `\1` (or `\k<name>`) refers back to a group.
      if (next === 'k' || (/[1-9]/.test(next) && !/[0-7]/.test(pattern[i + 2] ?? '')))
        return `backreferences (\\1, \\k<name>) are not supported ${RE2_ONLY}`;
      if (next === 'Q') {
        // \Q…\E is literal text (to the end of the pattern without \E).
        const end = pattern.indexOf('\\E', i + 2);
        i = end < 0 ? pattern.length : end + 2;
      } else i += 2;
    } else if (ch === '[') {
      const end = classEnd(pattern, i);
      if (end < 0) return 'missing closing ]';
      i = end;
    } else if (ch === '(') {
      if (pattern[i + 1] === '?') {
        const rest = pattern.slice(i + 2, i + 4);
        const unsupported = UNSUPPORTED_GROUPS.find(([opening]) => rest.startsWith(opening));
        if (unsupported) return unsupported[1];
      }
      depth += 1;
      i += 1;
    } else if (ch === ')') {
      if (depth === 0) return 'unexpected )';
      depth -= 1;
      i += 1;
    } else i += 1;
  }
  return depth > 0 ? 'missing closing )' : null;
}

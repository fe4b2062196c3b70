import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findRegexSyntaxProblem } from '../../contract/regex-syntax.ts';
import { matchesRe2, re2PatternProblem } from './re2-pattern.ts';

describe('re2PatternProblem', () => {
  it.each<[string, string | null]>([
    ['^sales-(eu|us)$', null],
    ['(?i)support', null],
    ['(?P<region>eu|us)', null],
    ['\\p{Greek}+', null],
    ['^((.+)+)+X$', null],
    ['a{1001}', 'invalid repeat count: `{1001}`'],
    ['\\u0041', 'invalid escape sequence: `\\u`'],
    ['(?=x)', 'invalid or unsupported Perl syntax: `(?=`'],
    ['(a', 'missing closing ): `(a`'],
  ])('%s', (pattern, expected) => {
    expect(re2PatternProblem(pattern)).toBe(expected);
  });
});

describe('matchesRe2', () => {
  it.each<[string, string, boolean]>([
    ['bot', 'Tech Support Bot', false],
    ['(?i)bot', 'Tech Support Bot', true],
    ['^Tech', 'Tech Support Bot', true],
    ['^Support', 'Tech Support Bot', false],
    ['ü', 'Müller', true],
    ['(a', 'a', false],
  ])('%s on %s', (pattern, text, expected) => {
    expect(matchesRe2(pattern, text)).toBe(expected);
  });

  it('answers a catastrophic backtracking pattern on a long text (linear time)', () => {
    expect(matchesRe2('^((.+)+)+X$', 'a'.repeat(10_000))).toBe(false);
    expect(matchesRe2('^((.+)+)+X$', `${'a'.repeat(10_000)}X`)).toBe(true);
  });
});

describe("the contract's cheap regex scan against RE2", () => {
  const pattern = fc.string({
    unit: fc.constantFrom(...'()[]{}\\?=!<>:^$|*+.aQEk1270-P'.split('')),
    maxLength: 12,
  });

  it('never rejects a pattern RE2 accepts (so the editor never blocks a pattern the server runs)', () => {
    fc.assert(
      fc.property(pattern, (text) => {
        if (re2PatternProblem(text) === null) expect(findRegexSyntaxProblem(text)).toBeNull();
      }),
      { numRuns: 5000 },
    );
  });
});

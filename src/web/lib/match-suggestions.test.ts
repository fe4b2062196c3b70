import { describe, expect, it } from 'vitest';
import { matchSuggestions } from './match-suggestions.ts';

const values = ['billing', 'refund', 'technical issue', 'account access', 'Billing dispute'].map((value) => ({
  value,
}));

describe('matchSuggestions', () => {
  it.each<[string, number | undefined, string[]]>([
    ['', undefined, ['billing', 'refund', 'technical issue', 'account access', 'Billing dispute']],
    ['', 2, ['billing', 'refund']],
    ['bill', undefined, ['billing', 'Billing dispute']],
    ['  BILL ', undefined, ['billing', 'Billing dispute']],
    ['s', undefined, ['technical issue', 'account access', 'Billing dispute']],
    ['ss', undefined, ['technical issue', 'account access']],
    ['acc', undefined, ['account access']],
    ['zzz', undefined, []],
  ])('%j (limit %s)', (text, limit, expected) => {
    expect(matchSuggestions(values, text, limit).map((s) => s.value)).toEqual(expected);
  });
});

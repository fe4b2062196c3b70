import { describe, expect, it } from 'vitest';
import { describeChoice, variableChoices, type VariableChoice } from './variable-choices.ts';

const COUNTED = {
  values: [
    { value: 'emea', count: 40 },
    { value: 'apac', count: 12 },
    { value: 'amer', count: 12 },
  ],
  missing: 20,
};

describe('variableChoices', () => {
  it.each<[string, Parameters<typeof variableChoices>, (string | null)[]]>([
    [
      'most frequent first, (none) among them, ties by name',
      [COUNTED, [], ''],
      ['emea', null, 'amer', 'apac'],
    ],
    ['no (none) without missing calls', [{ ...COUNTED, missing: 0 }, [], ''], ['emea', 'amer', 'apac']],
    [
      'chosen values the counts lack, kept last',
      [COUNTED, ['latam', 'emea'], ''],
      ['emea', null, 'amer', 'apac', 'latam'],
    ],
    ['search in any case', [COUNTED, [], 'AP'], ['apac']],
    ['search finds (none)', [COUNTED, [], 'none'], [null]],
    ['no counts: only the chosen values', [null, ['x', null], ''], ['x', null]],
  ])('%s', (_, args, expected) => {
    expect(variableChoices(...args).map((c) => c.value)).toEqual(expected);
  });

  it('carries the counts, 0 for a chosen value outside the window and null without counts', () => {
    const withCounts = variableChoices(COUNTED, ['latam'], '');
    expect(withCounts.find((c) => c.value === null)).toEqual<VariableChoice>({
      value: null,
      label: '(none)',
      count: 20,
    });
    expect(withCounts.at(-1)).toEqual<VariableChoice>({ value: 'latam', label: 'latam', count: 0 });
    expect(variableChoices(null, ['x'], '')).toEqual<VariableChoice[]>([
      { value: 'x', label: 'x', count: null },
    ]);
  });
});

describe('describeChoice', () => {
  it.each<[(string | null)[], string]>([
    [[], 'All'],
    [['emea'], 'emea'],
    [[null], '(none)'],
    [['emea', null], 'emea, (none)'],
    [['a', 'b', 'c'], '3 values'],
  ])('%j is %s', (values, text) => {
    expect(describeChoice(values)).toBe(text);
  });
});

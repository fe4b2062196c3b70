import { describe, expect, it } from 'vitest';
import { rowsByLabel } from './engine-line.ts';

const names = new Map<unknown, string>([
  [1, 'Alpha'],
  [2, 'Beta'],
  [3, 'Alpha'],
]);
const label = (value: unknown) => (value === null ? '(none)' : (names.get(value) ?? 'other'));

describe('rowsByLabel', () => {
  it.each<[string, unknown[], [string, number[]][]]>([
    ['no rows', [], []],
    ['one value', [1, 1, 1], [['Alpha', [0, 1, 2]]]],
    [
      'values in first-seen order, rows ascending',
      [2, 1, 2, null, 1],
      [
        ['Beta', [0, 2]],
        ['Alpha', [1, 4]],
        ['(none)', [3]],
      ],
    ],
    [
      'two values with one label are one group, rows still ascending',
      [3, 1, 2, 3, 1],
      [
        ['Alpha', [0, 1, 3, 4]],
        ['Beta', [2]],
      ],
    ],
    ['undefined is null', [undefined, null], [['(none)', [0, 1]]]],
  ])('%s', (_name, groups, expected) => {
    expect([...rowsByLabel(groups, label).entries()]).toEqual(expected);
  });

  it('labels each distinct value once, however many rows', () => {
    const seen: unknown[] = [];
    const rows = Array.from({ length: 10_000 }, (_, i) => (i % 3) + 1);
    rowsByLabel(rows, (value) => {
      seen.push(value);
      return label(value);
    });
    expect(seen).toEqual([1, 2, 3]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByTimeAndId, type LineColumns } from './sort-by-time-and-id.ts';

function columnsOf(rows: readonly (readonly [number, number, number])[]): LineColumns {
  return {
    times: Float64Array.from(rows, ([t]) => t),
    ids: Float64Array.from(rows, ([, id]) => id),
    values: Float64Array.from(rows, ([, , value]) => value),
  };
}

function rowsOf(columns: LineColumns): [number, number, number][] {
  return Array.from(columns.times, (t, i) => [
    t,
    columns.ids[i] ?? Number.NaN,
    columns.values[i] ?? Number.NaN,
  ]);
}

describe('sortByTimeAndId', () => {
  it.each<[string, [number, number, number][], [number, number, number][]]>([
    ['no rows', [], []],
    ['one row', [[5, 1, 10]], [[5, 1, 10]]],
    [
      'two runs, as two threads list them',
      [
        [3, 1, 30],
        [4, 1, 40],
        [1, 1, 10],
        [2, 1, 20],
      ],
      [
        [1, 1, 10],
        [2, 1, 20],
        [3, 1, 30],
        [4, 1, 40],
      ],
    ],
    [
      'ties on time go by id',
      [
        [1, 3, 0],
        [1, 1, 1],
        [1, 2, 2],
      ],
      [
        [1, 1, 1],
        [1, 2, 2],
        [1, 3, 0],
      ],
    ],
    [
      'three runs, the odd one merged last; NaN values travel with their row',
      [
        [5, 0, 5],
        [6, 0, Number.NaN],
        [1, 0, 1],
        [2, 0, 2],
        [3, 0, 3],
        [0, 0, 0],
      ],
      [
        [0, 0, 0],
        [1, 0, 1],
        [2, 0, 2],
        [3, 0, 3],
        [5, 0, 5],
        [6, 0, Number.NaN],
      ],
    ],
  ])('%s', (_name, rows, expected) => {
    expect(rowsOf(sortByTimeAndId(columnsOf(rows)))).toEqual(expected);
  });

  it('returns columns already in order as they are, and never writes to the ones it is given', () => {
    const inOrder = columnsOf([
      [1, 9, 0],
      [2, 1, 0],
      [2, 2, 0],
    ]);
    expect(sortByTimeAndId(inOrder)).toBe(inOrder);
    const rows: [number, number, number][] = [
      [4, 0, 4],
      [3, 0, 3],
      [2, 0, 2],
      [1, 0, 1],
    ];
    const given = columnsOf(rows);
    sortByTimeAndId(given);
    expect(rowsOf(given)).toEqual(rows);
  });

  it('keeps equal rows in their incoming order (stable)', () => {
    // The two (2, 5) rows differ only by value: the first listed stays first.
    const sorted = sortByTimeAndId(
      columnsOf([
        [2, 5, 1],
        [3, 0, 0],
        [1, 0, 0],
        [2, 5, 2],
      ]),
    );
    expect(rowsOf(sorted)).toEqual([
      [1, 0, 0],
      [2, 5, 1],
      [2, 5, 2],
      [3, 0, 0],
    ]);
  });

  it('sorts by (time, id) whatever the input, keeping every row', () => {
    const row = fc.tuple(
      fc.integer({ min: 0, max: 20 }),
      fc.integer({ min: 0, max: 5 }),
      fc.integer({ min: -100, max: 100 }),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 200 }), (rows) => {
        // A stable sort of the rows is the expected answer.
        const expected = rows
          .map((r, i) => ({ r, i }))
          .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.i - b.i)
          .map(({ r }) => [...r]);
        expect(rowsOf(sortByTimeAndId(columnsOf(rows)))).toEqual(expected);
      }),
    );
  });
});

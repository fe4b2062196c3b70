import { describe, expect, it } from 'vitest';
import { mergeSeriesParts, type SeriesPart } from './engine-series-order.ts';

function part(rows: [id: number, time: number, value: number][], groups?: unknown[]): SeriesPart {
  return {
    ids: Float64Array.from(rows, (r) => r[0]),
    times: Float64Array.from(rows, (r) => r[1]),
    values: Float64Array.from(rows, (r) => r[2]),
    groups: groups ?? null,
  };
}

function rowsOf(series: SeriesPart): [number, number, number][] {
  return Array.from(series.ids, (id, i) => [id, series.times[i] ?? 0, series.values[i] ?? 0]);
}

describe('mergeSeriesParts', () => {
  it('returns an ordered single part as it is (no copy)', () => {
    const only = part([
      [1, 10, 5],
      [2, 10, 6],
      [3, 20, 7],
    ]);
    expect(mergeSeriesParts([only])).toBe(only);
  });

  it.each<[string, [number, number, number][], [number, number, number][]]>([
    [
      'ties of one millisecond out of id order (only the run is reordered)',
      [
        [5, 10, 1],
        [9, 20, 2],
        [7, 20, 3],
        [8, 20, 4],
        [1, 30, 5],
      ],
      [
        [5, 10, 1],
        [7, 20, 3],
        [8, 20, 4],
        [9, 20, 2],
        [1, 30, 5],
      ],
    ],
    [
      'times out of order (full sort)',
      [
        [3, 30, 1],
        [1, 10, 2],
        [2, 20, 3],
      ],
      [
        [1, 10, 2],
        [2, 20, 3],
        [3, 30, 1],
      ],
    ],
  ])('orders %s by (time, id)', (_name, input, expected) => {
    expect(rowsOf(mergeSeriesParts([part(input)]))).toEqual(expected);
  });

  it('keeps each group label with its point when reordering', () => {
    const merged = mergeSeriesParts([
      part(
        [
          [2, 10, 1],
          [1, 10, 2],
        ],
        ['b', 'a'],
      ),
    ]);
    expect(Array.from(merged.ids)).toEqual([1, 2]);
    expect(merged.groups).toEqual(['a', 'b']);
  });

  it('merges several parts into one (time, id) order', () => {
    const merged = mergeSeriesParts([
      part([
        [1, 10, 1],
        [4, 30, 2],
      ]),
      part([
        [2, 10, 3],
        [3, 20, 4],
      ]),
    ]);
    expect(rowsOf(merged)).toEqual([
      [1, 10, 1],
      [2, 10, 3],
      [3, 20, 4],
      [4, 30, 2],
    ]);
  });

  it('is empty for no parts', () => {
    expect(mergeSeriesParts([]).times).toHaveLength(0);
  });
});

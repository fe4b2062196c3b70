import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CompiledSql } from '../engine/filter-sql.ts';
import { listParam, normalFrom, pickByKey, uniformDraw, weightedPick } from './seed-sql.ts';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

/** `pick` evaluated in DuckDB for each value of the columns `u` (and `k`). */
async function evaluate(
  pick: CompiledSql,
  rows: readonly (readonly [number, number?])[],
): Promise<unknown[]> {
  const reader = await connection.runAndReadAll(
    `SELECT ${pick.sql} FROM (SELECT unnest(CAST(CAST(? AS JSON) AS DOUBLE[])) AS u,
       unnest(CAST(CAST(? AS JSON) AS INTEGER[])) AS k) ORDER BY u`,
    [...pick.params, listParam(rows.map(([u]) => u)), listParam(rows.map(([, k]) => k ?? 0))],
  );
  return reader.getRowsJS().map(([value]) => value);
}

describe('weightedPick', () => {
  it.each([
    ['no items', [], 'CAST(NULL AS VARCHAR)', []],
    [
      'weightless items',
      [
        ['a', 0],
        ['b', -1],
      ],
      'CAST(NULL AS VARCHAR)',
      [],
    ],
    ['one item', [['a', 2]], 'CAST(? AS VARCHAR)', ['a']],
    [
      'three items',
      [
        ['a', 1],
        ['b', 2],
        ['c', 1],
      ],
      'CASE WHEN u < ? THEN CAST(? AS VARCHAR) WHEN u < ? THEN CAST(? AS VARCHAR) ELSE CAST(? AS VARCHAR) END',
      [0.25, 'a', 0.75, 'b', 'c'],
    ],
  ] as const)('%s', (_label, items, sql, params) => {
    expect(weightedPick('u', items, 'VARCHAR')).toEqual({ sql, params });
  });

  it('picks by cumulative weight in DuckDB, every value bound', async () => {
    const pick = weightedPick(
      'u',
      [
        ["it's", 1],
        ['b', 2],
        ['c', 1],
      ],
      'VARCHAR',
    );
    expect(await evaluate(pick, [[0], [0.2499], [0.25], [0.7499], [0.75], [0.9999]])).toEqual([
      "it's",
      "it's",
      'b',
      'b',
      'c',
      'c',
    ]);
  });
});

describe('pickByKey', () => {
  it('picks by the key, then by weight; an unknown key gives NULL', async () => {
    const pick = pickByKey(
      'k',
      [
        [1, weightedPick('u', [[10, 1]], 'INTEGER')],
        [
          2,
          weightedPick(
            'u',
            [
              [20, 1],
              [21, 1],
            ],
            'INTEGER',
          ),
        ],
      ],
      'INTEGER',
    );
    expect(
      await evaluate(pick, [
        [0.1, 1],
        [0.2, 2],
        [0.7, 2],
        [0.9, 3],
      ]),
    ).toEqual([10, 20, 21, null]);
    expect(pickByKey('k', [], 'INTEGER')).toEqual({ sql: 'CAST(NULL AS INTEGER)', params: [] });
  });
});

describe('uniformDraw and normalFrom', () => {
  it('draws in [0, 1), the same for the same row, draw and seed, and differently otherwise', async () => {
    const reader = await connection.runAndReadAll(
      `SELECT min(a), max(a), avg(a), count(DISTINCT a), bool_and(a = a2), avg(CAST(a = b AS INTEGER)),
         avg(CAST(a = c AS INTEGER)), avg(n), stddev_pop(n)
       FROM (SELECT ${uniformDraw('i', 1)} AS a, ${uniformDraw('i', 1)} AS a2, ${uniformDraw('i', 2)} AS b,
               ${uniformDraw('i', 1).replace('seed', 'seed + 1')} AS c, ${normalFrom(uniformDraw('i', 3), uniformDraw('i', 4))} AS n
             FROM (SELECT range AS i, 7 AS seed FROM range(100000)))`,
    );
    const [min, max, mean, distinct, repeatable, sameAsOtherDraw, sameAsOtherSeed, normalMean, normalSd] =
      reader.getRowsJS()[0] ?? [];
    expect(Number(min)).toBeGreaterThanOrEqual(0);
    expect(Number(max)).toBeLessThan(1);
    expect(Number(mean)).toBeCloseTo(0.5, 1);
    expect(Number(distinct)).toBe(100000);
    expect(repeatable).toBe(true);
    expect(sameAsOtherDraw).toBe(0);
    expect(sameAsOtherSeed).toBe(0);
    expect(Number(normalMean)).toBeCloseTo(0, 1);
    expect(Number(normalSd)).toBeCloseTo(1, 1);
  });
});

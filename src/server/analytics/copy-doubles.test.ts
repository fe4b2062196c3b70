import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { copyDoubles, viewDoubles } from './copy-doubles.ts';

/** The first chunk's first column of `sql`, copied at offset 1 of a 1 + rows array. */
async function copied(sql: string, noNulls: boolean): Promise<number[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const result = await connection.run(sql);
    const chunk = result.getChunk(0);
    const target = new Float64Array(chunk.rowCount + 1).fill(-1);
    copyDoubles(chunk.getColumnVector(0), target, 1, chunk.rowCount, noNulls);
    return Array.from(target);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('copyDoubles', () => {
  it.each([
    [
      'a DOUBLE column free of NULLs, copied whole',
      'SELECT x::DOUBLE FROM range(4) t(x)',
      true,
      [-1, 0, 1, 2, 3],
    ],
    [
      'NULL as NaN when NULLs are possible',
      'SELECT * FROM (VALUES (1.5::DOUBLE), (NULL)) t(x)',
      false,
      [-1, 1.5, Number.NaN],
    ],
    ['an INTEGER column, item by item', 'SELECT x::INTEGER FROM range(3) t(x)', true, [-1, 0, 1, 2]],
    [
      'a BIGINT column, item by item',
      'SELECT (x * 10000000000)::BIGINT FROM range(2) t(x)',
      true,
      [-1, 0, 1e10],
    ],
  ])('%s', async (_, sql, noNulls, expected) => {
    expect(await copied(sql, noNulls)).toEqual(expected);
  });

  it('copies a chunk of thousands of rows, as a 30-day line reads them', async () => {
    const values = await copied('SELECT (x * 0.5)::DOUBLE FROM range(2048) t(x)', true);
    expect(values).toHaveLength(2049);
    expect(values[2048]).toBe(1023.5);
  });

  it('finds the Float64Array behind a DOUBLE vector (else every copy takes the slow path)', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const chunk = (await connection.run('SELECT 1.5::DOUBLE')).getChunk(0);
      expect(Reflect.get(chunk.getColumnVector(0), 'items')).toBeInstanceOf(Float64Array);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

describe('viewDoubles', () => {
  it.each([
    ['a DOUBLE column: a view into the chunk', 'SELECT x::DOUBLE FROM range(3) t(x)', [0, 1, 2], true],
    ['an INTEGER column: a copy, item by item', 'SELECT x::INTEGER FROM range(3) t(x)', [0, 1, 2], false],
  ])('%s', async (_, sql, expected, view) => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const chunk = (await connection.run(sql)).getChunk(0);
      const vector = chunk.getColumnVector(0);
      const values = viewDoubles(vector, chunk.rowCount);
      const items: unknown = Reflect.get(vector, 'items');
      expect(Array.from(values)).toEqual(expected);
      expect(items instanceof Float64Array && values.buffer === items.buffer).toBe(view);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

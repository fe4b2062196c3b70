import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth } from './json-depth.ts';

function nest(levels: number): unknown {
  return JSON.parse('['.repeat(levels) + ']'.repeat(levels));
}

describe('exceedsJsonDepth', () => {
  it.each([
    [1, 'a string', false],
    [1, {}, false],
    [1, { a: {} }, true],
    [2, { a: {} }, false],
    [2, { a: [1, { b: 2 }] }, true],
    [64, nest(64), false],
    [64, nest(65), true],
    [64, nest(100_000), true],
  ])('limit %i: %#', (limit, value, expected) => {
    expect(exceedsJsonDepth(value, limit)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import type { GridItem } from './grid-layout.ts';
import { summariseLayoutChanges } from './layout-change-summary.ts';

const item = (i: string, x: number, y: number, w: number, h: number): GridItem => ({ i, x, y, w, h });
const saved = [item('a', 0, 0, 6, 4), item('b', 6, 0, 6, 4), item('c', 0, 4, 6, 4)];

describe('summariseLayoutChanges', () => {
  it.each([
    { name: 'nothing', current: saved, expected: '' },
    {
      name: 'a swap',
      current: [item('a', 6, 0, 6, 4), item('b', 0, 0, 6, 4), saved[2]!],
      expected: '2 cards moved',
    },
    {
      name: 'one resize',
      current: [item('a', 0, 0, 7, 4), saved[1]!, saved[2]!],
      expected: '1 card resized',
    },
    {
      name: 'a resize that pushed a card down',
      current: [item('a', 0, 0, 7, 4), item('b', 6, 4, 6, 4), saved[2]!],
      expected: '2 cards changed',
    },
    {
      name: 'moved and resized at once',
      current: [item('a', 1, 0, 5, 4), saved[1]!, saved[2]!],
      expected: '1 card changed',
    },
    { name: 'a new card', current: [...saved, item('d', 6, 4, 6, 4)], expected: '1 card moved' },
    { name: 'a card removed meanwhile', current: [saved[0]!, saved[1]!], expected: '' },
  ])('$name → "$expected"', ({ current, expected }) => {
    expect(summariseLayoutChanges(saved, current)).toBe(expected);
  });
});

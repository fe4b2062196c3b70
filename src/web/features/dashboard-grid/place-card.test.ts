import { describe, expect, it } from 'vitest';
import { diffLayout, type GridItem } from './grid-layout.ts';
import { placeCard } from './place-card.ts';

const item = (i: string, x: number, y: number, w: number, h: number): GridItem => ({ i, x, y, w, h });
// a | b on the first row, c | d on the second, e alone on the third.
const grid = [
  item('a', 0, 0, 6, 4),
  item('b', 6, 0, 6, 4),
  item('c', 0, 4, 6, 4),
  item('d', 6, 4, 6, 4),
  item('e', 0, 8, 6, 4),
];

describe('placeCard', () => {
  it.each([
    {
      name: 'onto a card of its size: the two swap, nothing else moves',
      layout: grid,
      id: 'e',
      target: { x: 6, y: 0, w: 6, h: 4 },
      expected: [
        item('a', 0, 0, 6, 4),
        item('b', 0, 8, 6, 4),
        item('c', 0, 4, 6, 4),
        item('d', 6, 4, 6, 4),
        item('e', 6, 0, 6, 4),
      ],
      moved: ['b', 'e'],
    },
    {
      name: 'into empty space: only the card moves, its old place stays empty',
      layout: grid,
      id: 'c',
      target: { x: 6, y: 8, w: 6, h: 4 },
      expected: [
        item('a', 0, 0, 6, 4),
        item('b', 6, 0, 6, 4),
        item('c', 6, 8, 6, 4),
        item('d', 6, 4, 6, 4),
        item('e', 0, 8, 6, 4),
      ],
      moved: ['c'],
    },
    {
      name: 'between two cards: both drop just below it, nothing else moves',
      layout: grid,
      id: 'e',
      target: { x: 3, y: 4, w: 6, h: 4 },
      expected: [
        item('a', 0, 0, 6, 4),
        item('b', 6, 0, 6, 4),
        item('c', 0, 8, 6, 4),
        item('d', 6, 8, 6, 4),
        item('e', 3, 4, 6, 4),
      ],
      moved: ['c', 'd', 'e'],
    },
    {
      name: 'a tall card onto two short ones: the first swaps, the second drops below',
      layout: [item('a', 0, 0, 6, 2), item('b', 0, 2, 6, 2), item('x', 6, 0, 6, 6)],
      id: 'x',
      target: { x: 0, y: 0, w: 6, h: 6 },
      expected: [item('a', 6, 0, 6, 2), item('b', 0, 6, 6, 2), item('x', 0, 0, 6, 6)],
      moved: ['a', 'b', 'x'],
    },
    {
      name: 'a wider card pushes only the card it now overlaps (no swap on a resize)',
      layout: grid,
      id: 'a',
      target: { x: 0, y: 0, w: 7, h: 4 },
      expected: [
        item('a', 0, 0, 7, 4),
        item('b', 6, 4, 6, 4),
        item('c', 0, 4, 6, 4),
        item('d', 6, 8, 6, 4),
        item('e', 0, 8, 6, 4),
      ],
      moved: ['a', 'b', 'd'],
    },
    {
      name: 'a target past the right edge is clamped into the columns',
      layout: [item('a', 0, 0, 6, 4)],
      id: 'a',
      target: { x: 10, y: -3, w: 6, h: 4 },
      expected: [item('a', 6, 0, 6, 4)],
      moved: ['a'],
    },
  ])('$name', ({ layout, id, target, expected, moved }) => {
    const next = placeCard(layout, id, target);
    expect(next).toEqual(expected);
    expect(
      diffLayout(layout, next)
        .map((change) => change.i)
        .sort(),
    ).toEqual(moved);
  });

  it.each([
    { name: 'unknown id', id: 'zz', target: { x: 0, y: 0, w: 6, h: 4 } },
    { name: 'same place and size', id: 'c', target: { x: 0, y: 4, w: 6, h: 4 } },
  ])('returns the same reference: $name', ({ id, target }) => {
    expect(placeCard(grid, id, target)).toBe(grid);
  });
});

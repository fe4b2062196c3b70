import { describe, expect, it } from 'vitest';
import { describeChange, moveItem, resizeItem } from './grid-keyboard.ts';
import type { GridItem } from './grid-layout.ts';

const item = (i: string, x: number, y: number, w: number, h: number): GridItem => ({ i, x, y, w, h });
// a | b on the first row, c below a.
const base = [item('a', 0, 0, 6, 4), item('b', 6, 0, 6, 4), item('c', 0, 4, 6, 4)];

describe('moveItem', () => {
  it.each([
    {
      name: 'c up swaps it with a',
      id: 'c',
      dx: 0,
      dy: -1,
      expected: [item('a', 0, 4, 6, 4), item('b', 6, 0, 6, 4), item('c', 0, 0, 6, 4)],
    },
    {
      name: 'a down swaps it with c',
      id: 'a',
      dx: 0,
      dy: 1,
      expected: [item('a', 0, 4, 6, 4), item('b', 6, 0, 6, 4), item('c', 0, 0, 6, 4)],
    },
    {
      name: 'c right by one column pushes nothing',
      id: 'c',
      dx: 1,
      dy: 0,
      expected: [item('a', 0, 0, 6, 4), item('b', 6, 0, 6, 4), item('c', 1, 4, 6, 4)],
    },
    {
      name: 'a right overlaps b, which drops below',
      id: 'a',
      dx: 1,
      dy: 0,
      expected: [item('a', 1, 0, 6, 4), item('b', 6, 4, 6, 4), item('c', 0, 4, 6, 4)],
    },
  ])('$name', ({ id, dx, dy, expected }) => {
    expect(moveItem(base, id, dx, dy)).toEqual(expected);
  });

  it('moves one row into empty space, and nothing else moves (no compaction)', () => {
    const gap = [item('a', 0, 0, 6, 2), item('b', 6, 0, 6, 2), item('c', 0, 6, 6, 2)];
    expect(moveItem(gap, 'a', 0, 1)).toEqual([item('a', 0, 1, 6, 2), gap[1], gap[2]]);
    expect(moveItem(gap, 'c', 0, -1)).toEqual([gap[0], gap[1], item('c', 0, 5, 6, 2)]);
  });

  it.each([
    { name: 'left at the left edge', id: 'a', dx: -1, dy: 0 },
    { name: 'right at the right edge', id: 'b', dx: 1, dy: 0 },
    { name: 'up at the top', id: 'b', dx: 0, dy: -1 },
    { name: 'down into empty space', id: 'b', dx: 0, dy: 1 },
    { name: 'down when lowest', id: 'c', dx: 0, dy: 1 },
    { name: 'unknown id', id: 'zz', dx: 1, dy: 0 },
    { name: 'no movement', id: 'a', dx: 0, dy: 0 },
  ])('returns the same reference: $name', ({ id, dx, dy }) => {
    expect(moveItem(base, id, dx, dy)).toBe(base);
  });
});

describe('resizeItem', () => {
  it.each([
    {
      name: 'grow a wider pushes b down',
      id: 'a',
      dw: 1,
      dh: 0,
      expected: [item('a', 0, 0, 7, 4), item('b', 6, 4, 6, 4), item('c', 0, 4, 6, 4)],
    },
    {
      name: 'shrink a narrower',
      id: 'a',
      dw: -1,
      dh: 0,
      expected: [item('a', 0, 0, 5, 4), item('b', 6, 0, 6, 4), item('c', 0, 4, 6, 4)],
    },
    {
      name: 'grow a taller pushes c down',
      id: 'a',
      dw: 0,
      dh: 1,
      expected: [item('a', 0, 0, 6, 5), item('b', 6, 0, 6, 4), item('c', 0, 5, 6, 4)],
    },
    {
      name: 'shrink c shorter',
      id: 'c',
      dw: 0,
      dh: -1,
      expected: [item('a', 0, 0, 6, 4), item('b', 6, 0, 6, 4), item('c', 0, 4, 6, 3)],
    },
  ])('$name', ({ id, dw, dh, expected }) => {
    expect(resizeItem(base, id, dw, dh)).toEqual(expected);
  });

  it.each([
    { name: 'wider at the right edge', layout: base, id: 'b', dw: 1, dh: 0 },
    { name: 'narrower than the minimum', layout: [item('a', 0, 0, 2, 4)], id: 'a', dw: -1, dh: 0 },
    { name: 'shorter than the minimum', layout: [item('a', 0, 0, 4, 2)], id: 'a', dw: 0, dh: -1 },
    { name: 'unknown id', layout: base, id: 'nope', dw: 1, dh: 1 },
  ])('returns the same reference: $name', ({ layout, id, dw, dh }) => {
    expect(resizeItem(layout, id, dw, dh)).toBe(layout);
  });
});

describe('describeChange', () => {
  it.each([
    { kind: 'move' as const, changed: true, text: 'Moved Calls per day to column 4, row 2.' },
    {
      kind: 'resize' as const,
      changed: true,
      text: 'Resized Calls per day to 6 columns wide and 4 rows tall.',
    },
    { kind: 'move' as const, changed: false, text: 'Calls per day cannot move further that way.' },
    { kind: 'resize' as const, changed: false, text: 'Calls per day cannot be resized further that way.' },
  ])('$kind changed=$changed', ({ kind, changed, text }) => {
    expect(describeChange(kind, 'Calls per day', item('1', 3, 1, 6, 4), changed)).toBe(text);
  });
});

import { describe, expect, it } from 'vitest';
import {
  diffLayout,
  findFreeSlot,
  layoutFromWidgets,
  readLayout,
  resolveOverlaps,
  withLayout,
  type GridItem,
} from './grid-layout.ts';

const item = (i: string, x: number, y: number, w: number, h: number): GridItem => ({ i, x, y, w, h });

describe('findFreeSlot', () => {
  it.each([
    { name: 'empty grid', layout: [], w: 6, h: 4, expected: { x: 0, y: 0 } },
    { name: 'right half free', layout: [item('a', 0, 0, 6, 4)], w: 6, h: 4, expected: { x: 6, y: 0 } },
    {
      name: 'gap in the middle',
      layout: [item('a', 0, 0, 4, 2), item('b', 8, 0, 4, 2)],
      w: 4,
      h: 2,
      expected: { x: 4, y: 0 },
    },
    {
      name: 'too narrow a gap',
      layout: [item('a', 0, 0, 4, 2), item('b', 8, 0, 4, 2)],
      w: 5,
      h: 2,
      expected: { x: 0, y: 2 },
    },
    { name: 'full row', layout: [item('a', 0, 0, 12, 3)], w: 4, h: 2, expected: { x: 0, y: 3 } },
    { name: 'wider than the grid is clamped', layout: [], w: 40, h: 2, expected: { x: 0, y: 0 } },
    {
      name: 'hole under a short card',
      layout: [item('a', 0, 0, 6, 2), item('b', 6, 0, 6, 6)],
      w: 6,
      h: 3,
      expected: { x: 0, y: 2 },
    },
  ])('$name', ({ layout, w, h, expected }) => {
    expect(findFreeSlot(layout, w, h)).toEqual(expected);
  });
});

describe('readLayout', () => {
  it.each([
    { metadata: { layout: { x: 1, y: 2, w: 3, h: 4 } }, expected: { x: 1, y: 2, w: 3, h: 4 } },
    { metadata: { layout: { x: -1, y: 2, w: 3, h: 4 } }, expected: null },
    { metadata: { layout: { x: 1, y: 2, w: 0, h: 4 } }, expected: null },
    { metadata: { layout: 'top-left' }, expected: null },
    { metadata: { other: true }, expected: null },
    { metadata: null, expected: null },
    { metadata: 7, expected: null },
  ])('$metadata → $expected', ({ metadata, expected }) => {
    expect(readLayout(metadata)).toEqual(expected);
  });
});

describe('layoutFromWidgets', () => {
  it('uses saved layouts and places the others in the first free slot, in widget order', () => {
    const layout = layoutFromWidgets([
      { id: 1, chart_type: 'line', metadata: { layout: { x: 0, y: 0, w: 6, h: 4 } } },
      { id: 2, chart_type: 'stat', metadata: null },
      { id: 3, chart_type: 'bar', metadata: { theme: 'x' } },
    ]);
    expect(layout).toEqual([item('1', 0, 0, 6, 4), item('2', 6, 0, 4, 3), item('3', 6, 3, 6, 4)]);
  });

  it('clamps layouts wider than the grid or past its right edge', () => {
    const layout = layoutFromWidgets([
      { id: 1, metadata: { layout: { x: 10, y: 0, w: 6, h: 2 } } },
      { id: 2, metadata: { layout: { x: 0, y: 2, w: 30, h: 2 } } },
    ]);
    expect(layout).toEqual([item('1', 6, 0, 6, 2), item('2', 0, 2, 12, 2)]);
  });

  it('keeps a saved card where it was saved, gap above included (the grid does not compact)', () => {
    const layout = layoutFromWidgets([{ id: 5, metadata: { layout: { x: 3, y: 9, w: 3, h: 2 } } }]);
    expect(layout).toEqual([item('5', 3, 9, 3, 2)]);
  });

  it('pulls overlapping saved layouts apart by dropping the later card', () => {
    const layout = layoutFromWidgets([
      { id: 1, metadata: { layout: { x: 0, y: 0, w: 6, h: 4 } } },
      { id: 2, metadata: { layout: { x: 3, y: 2, w: 6, h: 4 } } },
    ]);
    expect(layout).toEqual([item('1', 0, 0, 6, 4), item('2', 3, 4, 6, 4)]);
  });

  it('is empty for no widgets', () => {
    expect(layoutFromWidgets([])).toEqual([]);
  });
});

describe('resolveOverlaps', () => {
  it.each([
    {
      name: 'leaves a card in empty space',
      layout: [item('a', 0, 5, 4, 2)],
      expected: [item('a', 0, 5, 4, 2)],
    },
    {
      name: 'resolves an overlap by dropping the later card',
      layout: [item('a', 0, 0, 4, 2), item('b', 2, 1, 4, 2)],
      expected: [item('a', 0, 0, 4, 2), item('b', 2, 2, 4, 2)],
    },
    {
      name: 'keeps side-by-side cards in their row',
      layout: [item('a', 0, 0, 6, 2), item('b', 6, 0, 6, 2)],
      expected: [item('a', 0, 0, 6, 2), item('b', 6, 0, 6, 2)],
    },
  ])('$name', ({ layout, expected }) => {
    expect(resolveOverlaps(layout)).toEqual(expected);
  });
});

describe('diffLayout', () => {
  const saved = [item('1', 0, 0, 6, 4), item('2', 6, 0, 6, 4)];
  it.each([
    { name: 'no change', current: saved, expected: [] },
    {
      name: 'moved',
      current: [item('1', 0, 0, 6, 4), item('2', 0, 4, 6, 4)],
      expected: [{ i: '2', layout: { x: 0, y: 4, w: 6, h: 4 } }],
    },
    {
      name: 'resized',
      current: [item('1', 0, 0, 6, 5), saved[1]!],
      expected: [{ i: '1', layout: { x: 0, y: 0, w: 6, h: 5 } }],
    },
    {
      name: 'new card',
      current: [...saved, item('3', 0, 4, 4, 3)],
      expected: [{ i: '3', layout: { x: 0, y: 4, w: 4, h: 3 } }],
    },
    { name: 'removed card is not listed', current: [saved[0]!], expected: [] },
  ])('$name', ({ current, expected }) => {
    expect(diffLayout(saved, current)).toEqual(expected);
  });
});

describe('withLayout', () => {
  const layout = { x: 1, y: 2, w: 3, h: 4 };
  it.each([
    {
      name: 'keeps every other key',
      metadata: { color: 'red', nested: { a: 1 }, layout: { x: 0 } },
      expected: { color: 'red', nested: { a: 1 }, layout },
    },
    { name: 'null metadata', metadata: null, expected: { layout } },
    { name: 'array metadata', metadata: [1, 2], expected: { layout } },
    { name: 'string metadata', metadata: 'x', expected: { layout } },
  ])('$name', ({ metadata, expected }) => {
    expect(withLayout(metadata, layout)).toEqual(expected);
  });

  it('does not mutate its input', () => {
    const metadata = { layout: { x: 0, y: 0, w: 1, h: 1 }, keep: 1 };
    withLayout(metadata, layout);
    expect(metadata).toEqual({ layout: { x: 0, y: 0, w: 1, h: 1 }, keep: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { labelledSlices } from './labelled-slices.ts';

describe('labelledSlices', () => {
  it.each<[string, number[], number, number[]]>([
    ['no slices', [], 80, []],
    ['one slice', [1], 80, [0]],
    ['even halves', [0.5, 0.5], 80, [0, 1]],
    ['slices under 4% are never labelled', [0.97, 0.03], 200, [0]],
    ['a big pie labels adjacent 8% slices', [0.6, 0.08, 0.08, 0.08, 0.08, 0.08], 120, [0, 1, 2, 3, 4, 5]],
    ['a small pie keeps every other one', [0.6, 0.08, 0.08, 0.08, 0.08, 0.08], 40, [0, 1, 3, 5]],
    ['the last label yields to the first across the closing gap', [0.05, 0.5, 0.4, 0.05], 40, [0, 1, 2]],
  ])('%s', (_name, shares, radius, expected) => {
    expect([...labelledSlices(shares, radius)]).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { PIE_LABEL_GAP_PX, pieLabelPosition } from './pie-label-position.ts';

describe('pieLabelPosition', () => {
  const r = 50 + PIE_LABEL_GAP_PX;
  it.each<[number, { x: number; y: number; textAnchor: string }]>([
    [0, { x: 100 + r, y: 100, textAnchor: 'start' }],
    [90, { x: 100, y: 100 - r, textAnchor: 'middle' }],
    [180, { x: 100 - r, y: 100, textAnchor: 'end' }],
    [270, { x: 100, y: 100 + r, textAnchor: 'middle' }],
    [45, { x: 100 + r * Math.SQRT1_2, y: 100 - r * Math.SQRT1_2, textAnchor: 'start' }],
    [135, { x: 100 - r * Math.SQRT1_2, y: 100 - r * Math.SQRT1_2, textAnchor: 'end' }],
  ])('a slice centred at %s° is labelled outside it, growing outwards', (angle, expected) => {
    const position = pieLabelPosition(100, 100, 50, angle);
    expect(position.textAnchor).toBe(expected.textAnchor);
    expect(position.x).toBeCloseTo(expected.x, 6);
    expect(position.y).toBeCloseTo(expected.y, 6);
  });
});

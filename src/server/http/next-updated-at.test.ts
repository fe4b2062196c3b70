import { describe, expect, it } from 'vitest';
import { nextUpdatedAt } from './next-updated-at.ts';

const NOW = new Date('2026-08-20T12:00:00.000Z');

describe('nextUpdatedAt', () => {
  it.each([
    ['a new row', null, '2026-08-20T12:00:00.000Z'],
    ['an older row', '2026-08-20T11:59:59.999Z', '2026-08-20T12:00:00.000Z'],
    ['a row written this millisecond', '2026-08-20T12:00:00.000Z', '2026-08-20T12:00:00.001Z'],
    ['a row from the future (clock moved back)', '2026-08-20T12:00:05.000Z', '2026-08-20T12:00:05.001Z'],
    ['an unreadable previous value', 'garbage', '2026-08-20T12:00:00.000Z'],
  ])('%s', (_label, previous, expected) => {
    expect(nextUpdatedAt(previous, NOW)).toBe(expected);
  });
});

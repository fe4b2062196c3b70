import { describe, expect, it } from 'vitest';
import { readWallParams, writeWallParams, type WallParams } from './wall-params.ts';

describe('readWallParams', () => {
  it.each<[string, WallParams]>([
    ['', { dashboardIds: [], everySeconds: 60, theme: 'dark' }],
    ['d=3,5,8&every=30', { dashboardIds: [3, 5, 8], everySeconds: 30, theme: 'dark' }],
    ['d=3,x,-1,0,3,,5.5,7', { dashboardIds: [3, 7], everySeconds: 60, theme: 'dark' }],
    ['d=1&every=2', { dashboardIds: [1], everySeconds: 10, theme: 'dark' }],
    ['d=1&every=99999', { dashboardIds: [1], everySeconds: 3600, theme: 'dark' }],
    ['d=1&every=abc&theme=light', { dashboardIds: [1], everySeconds: 60, theme: 'light' }],
    ['d=1&theme=neon', { dashboardIds: [1], everySeconds: 60, theme: 'dark' }],
  ])('%s', (query, expected) => {
    expect(readWallParams(new URLSearchParams(query))).toEqual(expected);
  });
});

describe('writeWallParams', () => {
  it('round-trips and keeps other parameters', () => {
    const wall: WallParams = { dashboardIds: [4, 2], everySeconds: 45, theme: 'light' };
    const written = writeWallParams(new URLSearchParams('refresh=1m&theme=dark&every=10'), wall);
    expect(written.get('refresh')).toBe('1m');
    expect(readWallParams(written)).toEqual(wall);
  });

  it('leaves defaults out', () => {
    expect(
      writeWallParams(new URLSearchParams('every=30&theme=light'), {
        dashboardIds: [1],
        everySeconds: 60,
        theme: 'dark',
      }).toString(),
    ).toBe('d=1');
  });
});

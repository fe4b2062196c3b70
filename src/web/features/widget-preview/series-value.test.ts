import { describe, expect, it } from 'vitest';
import { seriesValue } from './series-value.ts';

describe('seriesValue', () => {
  it('is one function per series key, reading that series of a row', () => {
    expect(seriesValue('s0')).toBe(seriesValue('s0'));
    expect(seriesValue('s0')).not.toBe(seriesValue('s1'));
    const row = { values: { s0: 3, cmp: null } };
    expect(seriesValue('s0')(row)).toBe(3);
    expect(seriesValue('cmp')(row)).toBeNull();
    expect(seriesValue('s1')(row)).toBeUndefined();
  });
});

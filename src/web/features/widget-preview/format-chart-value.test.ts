import { describe, expect, it } from 'vitest';
import { formatAxisTick, formatChartValue, type ValueFormat } from './format-chart-value.ts';

describe('formatChartValue', () => {
  it.each<[number | null, ValueFormat, string, string]>([
    [0.8333333333333334, 'percent', '', '83.3%'],
    [1, 'percent', '', '100%'],
    [0, 'percent', 's', '0%'],
    [null, 'percent', '', '—'],
    [0.0004, 'percent', '', '0.04%'],
    [1423.3999999999999, 'number', 's', '1,423 s'],
    [1458.2, 'number', 'ms', '1,458 ms'],
    [0.123456789, 'number', '', '0.123'],
    [12, 'number', '%', '12%'],
    [Number.NaN, 'number', '', '—'],
  ])('%s as %s (unit %j) → %s', (value, format, unit, text) => {
    expect(formatChartValue(value, format, unit)).toBe(text);
  });
});

describe('formatAxisTick', () => {
  it.each<[number, ValueFormat, string]>([
    [0, 'percent', '0%'],
    [0.25, 'percent', '25%'],
    [0.5, 'percent', '50%'],
    [1, 'percent', '100%'],
    [1200, 'number', '1.2K'],
    [0.3, 'number', '0.3'],
    // Quarter ticks of a 0–1 scale keep both decimals: 0.25 is not "0.3".
    [0.25, 'number', '0.25'],
    [0.75, 'number', '0.75'],
    [1650, 'number', '1.65K'],
  ])('%s as %s → %s', (value, format, text) => {
    expect(formatAxisTick(value, format)).toBe(text);
  });
});

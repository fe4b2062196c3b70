import { describe, expect, it } from 'vitest';
import { formatAxisTick, formatChartValue, valueAxisTicks, type ValueFormat } from './format-chart-value.ts';

describe('formatChartValue', () => {
  it.each<[number | null, ValueFormat, string, string]>([
    [0.8333333333333334, 'percent', '', '83.3%'],
    [1, 'percent', '', '100%'],
    [0, 'percent', 's', '0%'],
    [0.0004, 'percent', '', '0%'],
    [null, 'percent', '', '—'],
    [1423.3999999999999, 'number', 's', '1,423.4 s'],
    [0.123456789, 'number', '', '0.123457'],
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

describe('valueAxisTicks', () => {
  it('gives a fraction round quarter ticks over the whole 0–100% scale', () => {
    expect(valueAxisTicks('percent')).toEqual({ domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] });
  });
  it('leaves numbers to the chart', () => {
    expect(valueAxisTicks('number')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { CATEGORY_PALETTE, categoryColors } from './category-colors.ts';

const regions = ['EU', 'US', 'APAC', 'LATAM', 'MEA'];

describe('categoryColors', () => {
  it('gives a category the same colour whatever the order of the others (7 → 30 days reorders them)', () => {
    const week = categoryColors(regions);
    const month = categoryColors([...regions].reverse());
    for (const region of regions) expect(month.get(region)).toBe(week.get(region));
  });

  it('keeps the colours of the categories that remain after a filter', () => {
    const all = categoryColors(regions);
    const filtered = categoryColors(['APAC', 'EU']);
    expect(filtered.get('APAC')).toBe(all.get('APAC'));
    expect(filtered.get('EU')).toBe(all.get('EU'));
  });

  it('gives the same category the same colour on two widgets of a dashboard', () => {
    expect(categoryColors(['EU', 'voicemail']).get('EU')).toBe(categoryColors(['EU', 'US']).get('EU'));
  });

  it('never gives two categories of one chart the same colour while the palette lasts', () => {
    const many = Array.from({ length: CATEGORY_PALETTE.length }, (_, i) => `group ${i}`);
    expect(new Set(categoryColors(many).values()).size).toBe(CATEGORY_PALETTE.length);
  });

  it('colours every label, even past the palette, and an empty list gives an empty map', () => {
    const many = Array.from({ length: CATEGORY_PALETTE.length + 3 }, (_, i) => `g${i}`);
    expect(categoryColors(many).size).toBe(many.length);
    expect(categoryColors([]).size).toBe(0);
  });
});

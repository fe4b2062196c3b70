import {
  conditionRowLayout,
  GROUP_HEADER_WIDTH,
  isCompactGroupHeader,
  LINE_WIDTH,
  STACKED_WIDTH,
  type ConditionRowLayout,
} from './condition-row-layout.ts';

describe('conditionRowLayout', () => {
  it.each<[string, number | null, boolean, ConditionRowLayout]>([
    ['not measured (no layout engine)', null, false, 'line'],
    ['measured as 0 (jsdom)', 0, false, 'line'],
    ['a full-width column', 1200, false, 'line'],
    ['exactly the one-line width', LINE_WIDTH, false, 'line'],
    ['a pixel short of one line', LINE_WIDTH - 1, false, 'stacked'],
    ['one line, but the metadata key box does not fit', LINE_WIDTH, true, 'stacked'],
    ['one line with the metadata key box', LINE_WIDTH + 184, true, 'line'],
    ['the editor column at 1440 px', 470, false, 'stacked'],
    ['exactly the stacked width', STACKED_WIDTH, false, 'stacked'],
    ['a pixel short of the whole toolbar', STACKED_WIDTH - 1, false, 'compact'],
    ['the editor column at 1024 px', 296, false, 'compact'],
    ['five levels deep at 1024 px', 230, true, 'compact'],
  ])('%s: %s px → %s', (_, width, hasMetadataKey, expected) => {
    expect(conditionRowLayout(width, hasMetadataKey)).toBe(expected);
  });

  it('keeps the documented widths', () => {
    expect([LINE_WIDTH, STACKED_WIDTH]).toEqual([800, 440]);
  });
});

describe('isCompactGroupHeader', () => {
  it.each<[number | null, boolean]>([
    [null, false],
    [0, false],
    [GROUP_HEADER_WIDTH, false],
    [GROUP_HEADER_WIDTH - 1, true],
    [300, true],
  ])('%s px → %s', (width, expected) => {
    expect(isCompactGroupHeader(width)).toBe(expected);
  });

  it('keeps the documented width', () => {
    expect(GROUP_HEADER_WIDTH).toBe(552);
  });
});

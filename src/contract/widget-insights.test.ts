import {
  isBeyondThreshold,
  readCompareSetting,
  readThresholds,
  ThresholdSchema,
  writeInsights,
} from './widget-insights.ts';

describe('readCompareSetting', () => {
  it.each<[string, unknown, unknown]>([
    ['no metadata', null, null],
    ['no compare key', { layout: {} }, null],
    ['older boolean', { compare: true }, { mode: 'previous', offset: 'period' }],
    ['older string', { compare: 'previous' }, { mode: 'previous', offset: 'period' }],
    [
      'unknown offset',
      { compare: { mode: 'previous', offset: '3y' } },
      { mode: 'previous', offset: 'period' },
    ],
    ['a fixed offset', { compare: { mode: 'previous', offset: '1w' } }, { mode: 'previous', offset: '1w' }],
    [
      'unknown keys kept',
      { compare: { mode: 'previous', offset: '1d', by: 'them' } },
      { mode: 'previous', offset: '1d', by: 'them' },
    ],
    ['unknown mode', { compare: { mode: 'forecast' } }, null],
    ['one cohort only', { compare: { mode: 'cohorts', cohorts: [{ label: 'A', filters: null }] } }, null],
  ])('%s', (_name, metadata, expected) => {
    expect(readCompareSetting(metadata)).toEqual(expected);
  });
  it('reads cohorts', () => {
    const cohorts = [
      { label: 'Agent A', filters: { field: 'agent.id', op: 'eq', value: 1 } },
      { label: 'Agent B', filters: { field: 'agent.id', op: 'eq', value: 2 } },
    ];
    expect(readCompareSetting({ compare: { mode: 'cohorts', cohorts } })).toEqual({
      mode: 'cohorts',
      cohorts,
    });
  });
});

describe('readThresholds', () => {
  it.each<[string, unknown, unknown]>([
    ['none', {}, []],
    [
      'older single number',
      { threshold: 1500 },
      [{ kind: 'above', value: 1500, label: '', color: 'rose', figure: 'p95_latency' }],
    ],
    [
      'older object without kind',
      { thresholds: { value: 3 } },
      [{ kind: 'above', value: 3, label: '', color: 'rose', figure: 'p95_latency' }],
    ],
    [
      'bad entries are left out, good ones kept',
      {
        thresholds: [
          { kind: 'below', value: 'x' },
          { kind: 'outside', low: 5, high: 1 },
          { kind: 'outside', low: 1, high: 5, label: 'Normal', color: 'emerald' },
        ],
      },
      [{ kind: 'outside', low: 1, high: 5, label: 'Normal', color: 'emerald', figure: 'p95_latency' }],
    ],
  ])('%s', (_name, metadata, expected) => {
    expect(readThresholds(metadata)).toEqual(expected);
  });
});

describe('ThresholdSchema (the editor’s inline errors)', () => {
  it('names a value of the wrong type', () => {
    const result = ThresholdSchema.safeParse({ kind: 'above', value: '12' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['value', 'The value must be a number.'],
    ]);
  });
  it('refuses low > high on the high field', () => {
    const result = ThresholdSchema.safeParse({ kind: 'outside', low: 9, high: 1 });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['high', 'Low must not be greater than high.'],
    ]);
  });
});

describe('writeInsights', () => {
  it('keeps every other key, drops the older one and writes the current shape', () => {
    const metadata = { layout: { x: 1 }, display: { color: 'sky' }, theirs: [1], threshold: 3 };
    const written = writeInsights(metadata, {
      compare: { mode: 'previous', offset: 'period' },
      thresholds: [{ kind: 'above', value: 3, label: '', color: 'rose', figure: 'p95_latency' }],
    });
    expect(written).toEqual({
      layout: { x: 1 },
      display: { color: 'sky' },
      theirs: [1],
      compare: { mode: 'previous', offset: 'period' },
      thresholds: [{ kind: 'above', value: 3, label: '', color: 'rose', figure: 'p95_latency' }],
    });
    expect(metadata.threshold).toBe(3);
  });
  it('removes the keys when off', () => {
    expect(writeInsights({ compare: true, thresholds: [], a: 1 }, { compare: null, thresholds: [] })).toEqual(
      { a: 1 },
    );
  });
});

it.each([
  [{ kind: 'above', value: 10, label: '', color: 'rose', figure: 'p95_latency' }, 10, false],
  [{ kind: 'above', value: 10, label: '', color: 'rose', figure: 'p95_latency' }, 10.5, true],
  [{ kind: 'below', value: 10, label: '', color: 'rose', figure: 'p95_latency' }, 9, true],
  [{ kind: 'outside', low: 1, high: 2, label: '', color: 'rose', figure: 'p95_latency' }, 1.5, false],
  [{ kind: 'outside', low: 1, high: 2, label: '', color: 'rose', figure: 'p95_latency' }, 2.5, true],
] as const)('isBeyondThreshold %j %d', (threshold, value, expected) => {
  expect(isBeyondThreshold(value, threshold)).toBe(expected);
});

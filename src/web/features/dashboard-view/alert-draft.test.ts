import { DEFAULT_ALERT_DRAFT, describePreset, readAlertDraft } from './alert-draft.ts';

it('reads a threshold alert', () => {
  expect(readAlertDraft({ ...DEFAULT_ALERT_DRAFT, value: '1500' }, false)).toEqual({
    alert: { type: 'threshold', condition: 'gt', value: 1500, min_breaches: 3, window_size: 10 },
    errors: {},
  });
});

it.each([
  ['an empty value', { value: '' }, { value: 'Enter a number.' }],
  ['a word', { value: 'abc' }, { value: 'Enter a number.' }],
  [
    'more breaches than calls',
    { value: '1', minBreaches: '12' },
    { minBreaches: 'Min breaches cannot exceed the window size.' },
  ],
  ['a fraction of a call', { value: '1', windowSize: '2.5' }, { windowSize: 'Enter a whole number.' }],
])('inline error for %s', (_name, change, errors) => {
  expect(readAlertDraft({ ...DEFAULT_ALERT_DRAFT, ...change }, false)).toEqual({ alert: null, errors });
});

it('a trend alert keeps the direction only for binary metrics', () => {
  const draft = { ...DEFAULT_ALERT_DRAFT, type: 'trend' as const, preset: 'aggressive' as const };
  expect(readAlertDraft(draft, true).alert).toEqual({
    type: 'trend',
    preset: 'aggressive',
    direction: 'down',
  });
  expect(readAlertDraft(draft, false).alert).toEqual({
    type: 'trend',
    preset: 'aggressive',
    direction: 'both',
  });
});

it('describes the presets', () => {
  expect(describePreset('conservative')).toBe('window 100 calls, 3.0σ, α 0.10');
});

import { describe, expect, it } from 'vitest';
import type { DraftErrors } from './map-widget-errors.ts';
import { newWidgetDraft } from './widget-form-model.ts';
import {
  insightProblems,
  readDraftErrors,
  toDrfErrors,
  toFieldErrors,
  widgetResolver,
} from './widget-resolver.ts';
import type { WidgetDraft } from './widget-form-model.ts';

const ROUND_TRIPS: { name: string; errors: DraftErrors }[] = [
  { name: 'no errors', errors: { fields: {}, other: [] } },
  { name: 'one message on a field', errors: { fields: { field: ['Choose a field.'] }, other: [] } },
  {
    name: 'two messages on a field stay two',
    errors: { fields: { filters: ['conditions[0].op: no', 'Root problem.'] }, other: [] },
  },
  {
    name: 'group_by (a union with its own `type` key)',
    errors: { fields: { group_by: ['Bad.'] }, other: [] },
  },
  { name: 'messages outside the fields', errors: { fields: {}, other: ['Cross-field.', 'Gone.'] } },
];

describe('toFieldErrors / readDraftErrors', () => {
  it.each(ROUND_TRIPS)('round-trips $name', ({ errors }) => {
    expect(readDraftErrors(toFieldErrors(errors))).toEqual(errors);
  });
});

describe('toDrfErrors', () => {
  it.each([
    { errors: { fields: {}, other: [] }, expected: null },
    {
      errors: { fields: { metric: ['Choose.'] }, other: ['X.'] },
      expected: { metric: ['Choose.'], non_field_errors: ['X.'] },
    },
  ])('$expected', ({ errors, expected }) => {
    expect(toDrfErrors(errors)).toEqual(expected);
  });
});

describe('widgetResolver', () => {
  it('answers with the values when the contract rules pass, with field errors when not', async () => {
    const valid = newWidgetDraft();
    const options = { shouldUseNativeValidation: false, fields: {} };
    expect(await widgetResolver(valid, { metrics: [] }, options)).toEqual({ values: valid, errors: {} });
    const invalid = await widgetResolver({ ...valid, field: '' }, { metrics: [] }, options);
    expect(invalid.values).toEqual({});
    expect(Object.keys(invalid.errors)).toContain('field');
  });
});

describe('insightProblems', () => {
  const cohort = (label: string) => ({ label, filters: null });
  it.each<[string, WidgetDraft['insights'], string[]]>([
    ['none', { compare: null, thresholds: [] }, []],
    ['a previous period', { compare: { mode: 'previous', offset: '1w' }, thresholds: [] }, []],
    [
      'two named cohorts',
      { compare: { mode: 'cohorts', cohorts: [cohort('EU'), cohort('US')] }, thresholds: [] },
      [],
    ],
    [
      'two blank names say it once',
      { compare: { mode: 'cohorts', cohorts: [cohort(' '), cohort('')] }, thresholds: [] },
      ['Name this cohort.'],
    ],
    [
      'one cohort',
      { compare: { mode: 'cohorts', cohorts: [cohort('EU')] }, thresholds: [] },
      ['Add at least two cohorts.'],
    ],
  ])('%s', (_name, insights, expected) => {
    expect(insightProblems(insights)).toEqual(expected);
  });
});

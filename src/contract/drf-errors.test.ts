import { DrfErrorBodySchema, addDrfError, flattenDrfErrors } from './drf-errors.ts';

describe('flattenDrfErrors', () => {
  it.each<[string, unknown, Record<string, string[]>]>([
    ['detail body', { detail: 'Invalid page.' }, { detail: ['Invalid page.'] }],
    [
      'field errors',
      { metric: ['This field is required.'], name: ['Too long.', 'Blank.'] },
      { metric: ['This field is required.'], name: ['Too long.', 'Blank.'] },
    ],
    [
      'non_field_errors',
      { non_field_errors: ['Bad combination.'] },
      { non_field_errors: ['Bad combination.'] },
    ],
    ['a bare string value', { name: 'Too long.' }, { name: ['Too long.'] }],
    [
      'nested related errors',
      { group_by: { interval: ['Too small.'] } },
      { group_by: ['interval: Too small.'] },
    ],
    [
      'list of per-item errors',
      { create: [{}, { chart_type: ['Required.'] }] },
      { create: ['chart_type: Required.'] },
    ],
    [
      'D15 bulk errors',
      { errors: [{ index: 1, op: 'create', errors: { field: ['Unknown field.'] } }] },
      { errors: ['op: create', 'errors: field: Unknown field.'] },
    ],
    ['empty lists dropped', { name: [] }, {}],
    ['numbers ignored', { count: 3 }, {}],
    ['a plain string body', 'Server error', { detail: ['Server error'] }],
    ['an empty string', '', {}],
    ['null', null, {}],
    ['an array', ['a'], {}],
    ['a number', 500, {}],
  ])('%s', (_name, body, expected) => {
    expect(flattenDrfErrors(body)).toEqual(expected);
  });
});

describe('addDrfError', () => {
  it.each<[Record<string, string[]>, string, string, Record<string, string[]>]>([
    [{}, 'name', 'Too long.', { name: ['Too long.'] }],
    [{ name: ['A.'] }, 'name', 'B.', { name: ['A.', 'B.'] }],
    [{ name: ['A.'] }, 'field', 'C.', { name: ['A.'], field: ['C.'] }],
  ])('%j + %s', (errors, key, message, expected) => {
    const before = JSON.stringify(errors);
    expect(addDrfError(errors, key, message)).toEqual(expected);
    expect(JSON.stringify(errors)).toBe(before);
  });
});

describe('DrfErrorBodySchema', () => {
  it.each<[unknown, boolean]>([
    [{ detail: 'Not found.' }, true],
    [{ detail: 'x', code: 'not_found' }, true],
    [{ name: ['Too long.'] }, true],
    ['Not found', false],
    [null, false],
  ])('%j parses: %s', (body, ok) => {
    expect(DrfErrorBodySchema.safeParse(body).success).toBe(ok);
  });
});

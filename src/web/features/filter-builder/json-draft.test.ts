import { readJsonDraft } from './json-draft.ts';

describe('readJsonDraft', () => {
  it.each<[string, unknown]>([
    ['', null],
    ['null', null],
    ['{"field":"success","op":"eq","value":true}', { field: 'success', op: 'eq', value: true }],
    [
      '{"operator":"or","conditions":[{"field":"topic","op":"in","value":["a","b"]}]}',
      { operator: 'or', conditions: [{ field: 'topic', op: 'in', value: ['a', 'b'] }] },
    ],
    // Well-formed but invalid for the contract: accepted, validation reports it on the row.
    ['{"field":"duration","op":"regex","value":"x"}', { field: 'duration', op: 'regex', value: 'x' }],
  ])('accepts %s', (text, filter) => {
    const result = readJsonDraft(text);
    expect(result.ok && result.filter).toEqual(filter);
  });

  it.each<[string, RegExp]>([
    ['{"field":', /not valid JSON/],
    ['[1,2]', /not a filter/],
    ['{"field":"success","op":"nope","value":true}', /not a filter/],
    ['{"operator":"and","conditions":[],"field":"x"}', /cannot be kept/],
    ['{"field":"success","op":"eq","value":true,"extra":1}', /cannot be kept/],
  ])('refuses %s', (text, problem) => {
    const result = readJsonDraft(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problem).toMatch(problem);
  });
});

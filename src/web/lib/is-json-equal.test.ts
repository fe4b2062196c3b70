import { isJsonEqual } from './is-json-equal.ts';

describe('isJsonEqual', () => {
  it.each([
    ['same primitives', 1, 1, true],
    ['different primitives', 1, 2, false],
    ['null vs object', null, {}, false],
    ['string vs number', '1', 1, false],
    ['NaN', Number.NaN, Number.NaN, true],
    ['key order ignored', { a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    ['array order matters', [1, 2], [2, 1], false],
    ['array vs object', [], {}, false],
    ['undefined key is absent', { a: 1, b: undefined }, { a: 1 }, true],
    ['missing key', { a: 1 }, { a: 1, b: 2 }, false],
    ['nested difference', { a: { b: { c: 1 } } }, { a: { b: { c: 2 } } }, false],
    ['different lengths', [1], [1, 1], false],
  ])('%s', (_name, a, b, expected) => {
    expect(isJsonEqual(a, b)).toBe(expected);
    expect(isJsonEqual(b, a)).toBe(expected);
  });
});

import { parseListItem, parseLooseScalar, splitListText } from './parse-list.ts';

describe('splitListText', () => {
  it.each<[string, string[]]>([
    ['US, EU', ['US', 'EU']],
    ['US\nEU\r\nUK', ['US', 'EU', 'UK']],
    ['"US", \'EU\';UK', ['US', 'EU', 'UK']],
    ['  a  ,, ,b\t c ', ['a', 'b', 'c']],
    ['', []],
    ['new york', ['new york']],
  ])('%j → %j', (text, items) => {
    expect(splitListText(text)).toEqual(items);
  });
});

describe('parseListItem', () => {
  it.each<[string, string | null, unknown]>([
    ['12', 'integer', 12],
    ['1.5', 'number', 1.5],
    ['abc', 'integer', 'abc'],
    ['12', 'string', '12'],
    ['true', 'boolean', true],
    ['yes', 'boolean', 'yes'],
  ])('%j as %s → %j', (text, type, value) => {
    expect(parseListItem(text, type)).toEqual(value);
  });
});

describe('parseLooseScalar', () => {
  it.each<[string, unknown]>([
    ['0.9', 0.9],
    ['true', true],
    ['good', 'good'],
    ['', ''],
  ])('%j → %j', (text, value) => {
    expect(parseLooseScalar(text)).toEqual(value);
  });
});

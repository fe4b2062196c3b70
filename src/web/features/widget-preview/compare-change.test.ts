import { describeChange } from './compare-change.ts';

const plain = (v: number) => String(v);

it.each([
  [1630, 1455, { text: 'up 12 %', direction: 'up' }],
  [95, 100, { text: 'down 5 %', direction: 'down' }],
  [100, 103.5, { text: 'down 3.4 %', direction: 'down' }],
  [7, 7, { text: 'unchanged', direction: 'flat' }],
  [40, 0, { text: 'up 40', direction: 'up' }],
  [null, 3, null],
  [3, undefined, null],
])('describeChange(%s, %s)', (current, previous, expected) => {
  expect(describeChange(current, previous, plain)).toEqual(expected);
});

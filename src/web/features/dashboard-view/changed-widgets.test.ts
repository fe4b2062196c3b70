import { describe, expect, it } from 'vitest';
import { changedWidgetIds } from './changed-widgets.ts';

const a = { v: 1 };
const b = { v: 2 };
const c = { v: 3 };

describe('changedWidgetIds', () => {
  it.each<[string, Record<number, object> | undefined, Record<number, object> | undefined, number[]]>([
    ['first load', undefined, { 1: a }, []],
    ['gone', { 1: a }, undefined, []],
    ['the same map', { 1: a }, { 1: a }, []],
    ['same objects in a new map', { 1: a, 2: b }, { 1: a, 2: b }, []],
    ['one new object', { 1: a, 2: b }, { 1: a, 2: c }, [2]],
    ['a new widget is not a change', { 1: a }, { 1: a, 2: b }, []],
  ])('%s', (_, before, after, expected) => {
    expect(changedWidgetIds(before, after)).toEqual(expected);
  });
});

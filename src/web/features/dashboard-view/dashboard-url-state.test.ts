import { describe, expect, it } from 'vitest';
import {
  EMPTY_URL_STATE,
  readUrlState,
  writeUrlState,
  type DashboardUrlState,
} from './dashboard-url-state.ts';

const FULL: DashboardUrlState = {
  variables: [
    { field: 'metadata.region', values: ['emea', 'north, south', null] },
    { field: 'topic', values: [] },
  ],
  group_by: 'metadata.region',
  refresh: '1m',
};

describe('readUrlState', () => {
  it.each<[string, string, DashboardUrlState]>([
    ['a bare link', '', EMPTY_URL_STATE],
    ['only other parameters', 'mode=edit', EMPTY_URL_STATE],
    [
      'values in order, an empty value as (none)',
      'vars=topic&v.topic=billing&v.topic=&v.topic=refunds',
      { ...EMPTY_URL_STATE, variables: [{ field: 'topic', values: ['billing', null, 'refunds'] }] },
    ],
    [
      'a variable without values, values of an undeclared field ignored',
      'vars=call_ended_reason&v.topic=billing',
      { ...EMPTY_URL_STATE, variables: [{ field: 'call_ended_reason', values: [] }] },
    ],
    [
      'unknown, unsupported and repeated fields left out',
      'vars=duration,topic,metadata.a.b,topic,,metadata.region',
      {
        ...EMPTY_URL_STATE,
        variables: [
          { field: 'topic', values: [] },
          { field: 'metadata.region', values: [] },
        ],
      },
    ],
    [
      'a repeated value once',
      'vars=topic&v.topic=a&v.topic=a',
      { ...EMPTY_URL_STATE, variables: [{ field: 'topic', values: ['a'] }] },
    ],
    ['a group-by field', 'group=topic', { ...EMPTY_URL_STATE, group_by: 'topic' }],
    ['a field that cannot group', 'group=customer_number', EMPTY_URL_STATE],
    ['a refresh interval', 'refresh=15m', { ...EMPTY_URL_STATE, refresh: '15m' }],
    ['an unknown interval', 'refresh=2s', EMPTY_URL_STATE],
  ])('reads %s', (_, query, expected) => {
    expect(readUrlState(new URLSearchParams(query))).toEqual(expected);
  });

  it('keeps at most 8 variables and 100 values each', () => {
    const fields = Array.from({ length: 10 }, (_, i) => `metadata.k${i}`);
    const values = Array.from({ length: 120 }, (_, i) => `v.metadata.k0=${i}`).join('&');
    const state = readUrlState(new URLSearchParams(`vars=${fields.join(',')}&${values}`));
    expect(state.variables).toHaveLength(8);
    expect(state.variables[0]?.values).toHaveLength(100);
  });
});

describe('writeUrlState', () => {
  it('round-trips every part, commas and empty values included', () => {
    const written = writeUrlState(new URLSearchParams(), FULL);
    expect(readUrlState(new URLSearchParams(written.toString()))).toEqual(FULL);
  });

  it('keeps other parameters and replaces the old view', () => {
    const before = new URLSearchParams('mode=edit&vars=topic&v.topic=x&group=topic&refresh=30s');
    expect(writeUrlState(before, EMPTY_URL_STATE).toString()).toBe('mode=edit');
  });

  it('writes a readable link', () => {
    expect(decodeURIComponent(writeUrlState(new URLSearchParams(), FULL).toString())).toBe(
      'vars=metadata.region,topic&v.metadata.region=emea&v.metadata.region=north,+south&v.metadata.region=&group=metadata.region&refresh=1m',
    );
  });
});

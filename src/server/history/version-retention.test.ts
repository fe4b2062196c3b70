import { describe, expect, it } from 'vitest';
import { readRetention, versionsToPrune } from './version-retention.ts';

const NOW = new Date('2026-12-07T12:00:00.000Z');
const policy = { keep_all_days: 30, keep_daily_days: 365 };
const at = (id: number, created_at: string) => ({ id, created_at });

describe('versionsToPrune', () => {
  it.each<[string, { id: number; created_at: string }[], number[]]>([
    ['nothing', [], []],
    ['recent versions all stay', [at(1, '2026-12-07T10:00:00.000Z'), at(2, '2026-12-07T11:00:00.000Z')], []],
    [
      'older than 30 days: the newest of each day stays',
      [
        at(1, '2026-10-01T08:00:00.000Z'),
        at(2, '2026-10-01T09:00:00.000Z'),
        at(3, '2026-10-02T09:00:00.000Z'),
        at(4, '2026-12-07T11:00:00.000Z'),
      ],
      [1],
    ],
    ['older than a year: gone', [at(1, '2025-01-01T08:00:00.000Z'), at(2, '2026-12-07T11:00:00.000Z')], [1]],
    ['the newest stays whatever its age', [at(1, '2024-01-01T08:00:00.000Z')], []],
    [
      'a day already kept in full keeps no daily extra',
      [
        at(1, '2026-11-07T01:00:00.000Z'),
        at(2, '2026-11-07T13:00:00.000Z'),
        at(3, '2026-12-07T11:00:00.000Z'),
      ],
      [1],
    ],
    ['an unreadable time is kept', [at(1, 'garbage'), at(2, '2026-12-07T11:00:00.000Z')], []],
  ])('%s', (_label, versions, expected) => {
    expect(versionsToPrune(versions, NOW, policy)).toEqual(expected);
  });
});

describe('readRetention', () => {
  it.each<[NodeJS.ProcessEnv, { keep_all_days: number; keep_daily_days: number }]>([
    [{}, { keep_all_days: 30, keep_daily_days: 365 }],
    [
      { HISTORY_KEEP_ALL_DAYS: '7', HISTORY_KEEP_DAILY_DAYS: '90' },
      { keep_all_days: 7, keep_daily_days: 90 },
    ],
    [
      { HISTORY_KEEP_ALL_DAYS: '60', HISTORY_KEEP_DAILY_DAYS: '10' },
      { keep_all_days: 60, keep_daily_days: 60 },
    ],
  ])('%j', (env, expected) => {
    expect(readRetention(env)).toEqual(expected);
  });

  it('refuses a value that is not a number of days', () => {
    expect(() => readRetention({ HISTORY_KEEP_ALL_DAYS: 'forever' })).toThrow(/HISTORY_KEEP_ALL_DAYS/);
  });
});

import { describe, expect, it } from 'vitest';
import type { DashboardVersionList } from '../../../contract/dashboard-version-schema.ts';
import { formatDateTime } from '../../lib/format.ts';
import { describeHistoryCoverage } from './history-coverage.ts';

const retention = { keep_all_days: 30, keep_daily_days: 365 };
const version = (id: number, created_at: string) => ({
  id,
  dashboard: 1,
  author: null,
  created_at,
  summary: 's',
  restored_from: null,
});

describe('describeHistoryCoverage', () => {
  it('states only the retention rule for a server that records every write', () => {
    const list: DashboardVersionList = { results: [], retention };
    expect(describeHistoryCoverage(list, 'dashboard')).toEqual({
      description: 'Every change is kept for 30 days, then one version a day for 365 days.',
      empty: 'No changes yet. Every save from now on is recorded here and can be restored.',
    });
  });

  it('says from when a forwarding server records and that changes made elsewhere are missing', () => {
    const list: DashboardVersionList = {
      results: [version(3, '2026-08-21T10:00:00.000Z'), version(1, '2026-08-20T12:00:00.000Z')],
      retention,
      recorded: 'forwarded-writes',
    };
    const { description } = describeHistoryCoverage(list, 'widget');
    expect(description).toContain(`History starts from ${formatDateTime('2026-08-20T12:00:00.000Z')}.`);
    expect(description).toContain("changes made elsewhere (such as in Cekura's app) are not");
    const empty = describeHistoryCoverage({ ...list, results: [] }, 'widget');
    expect(empty.description).toMatch(/^History starts with the next save made here\./);
    expect(empty.empty).toMatch(/^No changes to this widget yet\. .*changes made elsewhere are not\.$/);
  });
});

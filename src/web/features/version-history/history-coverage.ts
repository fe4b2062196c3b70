import type { DashboardVersionList } from '../../../contract/dashboard-version-schema.ts';
import { formatDateTime } from '../../lib/format.ts';

/**
 * What the panel says about the history it shows: the retention rule, and, when the server only
 * records the writes it forwards to the real API (ADR 0020), from when and that changes made
 * elsewhere are missing. `empty` is the text for a history with no versions yet.
 */
export function describeHistoryCoverage(
  list: DashboardVersionList,
  subject: 'dashboard' | 'widget',
): { description: string; empty: string } {
  const { retention } = list;
  const kept = `Every change is kept for ${retention.keep_all_days} days, then one version a day for ${retention.keep_daily_days} days.`;
  const nothing = subject === 'dashboard' ? 'No changes yet.' : 'No changes to this widget yet.';
  if (list.recorded !== 'forwarded-writes')
    return {
      description: kept,
      empty: `${nothing} Every save from now on is recorded here and can be restored.`,
    };
  const oldest = list.results.at(-1);
  const start = oldest
    ? `History starts from ${formatDateTime(oldest.created_at)}.`
    : 'History starts with the next save made here.';
  return {
    description: `${start} Only changes saved through Widget Studio are listed; changes made elsewhere (such as in Cekura's app) are not. ${kept}`,
    empty: `${nothing} Saves made through Widget Studio from now on are recorded here and can be restored; changes made elsewhere are not.`,
  };
}

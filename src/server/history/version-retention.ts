import { ConfigError } from '../server-config.ts';
import type { VersionRetention } from '../../contract/dashboard-version-schema.ts';

export const DEFAULT_RETENTION: VersionRetention = { keep_all_days: 30, keep_daily_days: 365 };

const DAY_MS = 86_400_000;

/**
 * Which versions of one dashboard retention drops at `now`: every version younger than
 * `keep_all_days` stays; younger than `keep_daily_days`, the newest of each UTC day stays; older ones
 * go. The newest version (the current state) always stays. An unreadable time reads as "keep".
 */
export function versionsToPrune(
  versions: readonly { id: number; created_at: string }[],
  now: Date,
  policy: VersionRetention,
): number[] {
  const newestFirst = [...versions].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
  const daysSeen = new Set<string>();
  const prune: number[] = [];
  for (const [index, version] of newestFirst.entries()) {
    const time = Date.parse(version.created_at);
    if (index === 0 || !Number.isFinite(time)) continue;
    const age = now.getTime() - time;
    const day = version.created_at.slice(0, 10);
    if (age <= policy.keep_all_days * DAY_MS) {
      daysSeen.add(day);
      continue;
    }
    if (age <= policy.keep_daily_days * DAY_MS && !daysSeen.has(day)) {
      daysSeen.add(day);
      continue;
    }
    prune.push(version.id);
  }
  return prune.sort((a, b) => a - b);
}

function days(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,5}$/.test(raw)) throw new ConfigError(`${name} must be a whole number of days (got "${raw}").`);
  return Number(raw);
}

/** `HISTORY_KEEP_ALL_DAYS` and `HISTORY_KEEP_DAILY_DAYS` (defaults 30 and 365). */
export function readRetention(env: NodeJS.ProcessEnv): VersionRetention {
  const keepAll = days(env, 'HISTORY_KEEP_ALL_DAYS', DEFAULT_RETENTION.keep_all_days);
  const keepDaily = days(env, 'HISTORY_KEEP_DAILY_DAYS', DEFAULT_RETENTION.keep_daily_days);
  return { keep_all_days: keepAll, keep_daily_days: Math.max(keepAll, keepDaily) };
}

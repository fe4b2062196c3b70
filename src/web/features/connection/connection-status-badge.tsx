import { Link } from 'react-router';
import { classNames } from '../../lib/class-names.ts';
import { useOnlineStatus } from '../../lib/use-online-status.ts';
import { FOCUS_RING } from '../../ui/focus-ring.ts';
import { useConnection } from './connection-context.ts';
import type { ActiveConnection } from './connection-context.ts';
import { useConnectionCheck } from './use-connection-check.ts';
import { useConnectionHealth } from './use-connection-health.ts';
import type { ConnectionHealth } from './use-connection-health.ts';

/** "Embedded server", or the host of a custom API (never the key). */
export function describeTarget(connection: ActiveConnection): string {
  if (connection.target === 'embedded') return 'Embedded server';
  try {
    return new URL(connection.baseUrl).host;
  } catch {
    return connection.baseUrl;
  }
}

type Tone = 'ok' | 'warn' | 'bad' | 'idle';

/** The state word and its colour, from the browser's network state, the key and the latest request. */
export function describeHealth(
  online: boolean,
  connection: ActiveConnection,
  health: ConnectionHealth,
): { label: string; tone: Tone } {
  if (!online) return { label: 'Offline', tone: 'bad' };
  if (health === 'unauthorized') return { label: 'Key rejected', tone: 'bad' };
  if (health === 'unreachable') return { label: 'Unreachable', tone: 'bad' };
  if (connection.source === 'none') return { label: 'No API key', tone: 'warn' };
  if (health === 'ok') return { label: 'Connected', tone: 'ok' };
  return { label: 'Connecting', tone: 'idle' };
}

const DOT: Record<Tone, string> = {
  ok: 'bg-emerald-500',
  warn: 'bg-amber-500',
  bad: 'bg-rose-500',
  idle: 'bg-slate-400',
};

/** Header status: which API, and whether it answers. Links to the Connection screen. */
export function ConnectionStatusBadge() {
  const { connection } = useConnection();
  const online = useOnlineStatus();
  const health = useConnectionHealth();
  useConnectionCheck(health === 'unknown' && connection.source !== 'none');
  const state = describeHealth(online, connection, health);
  const target = describeTarget(connection);
  return (
    <Link
      to="/connection"
      aria-label={`Connection: ${target}, ${state.label}`}
      className={classNames(
        'inline-flex items-center gap-2 rounded-full border border-slate-200 px-3 py-1 text-xs font-medium text-slate-700',
        'hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800',
        FOCUS_RING,
      )}
    >
      <span aria-hidden="true" className={classNames('size-2 rounded-full', DOT[state.tone])} />
      <span>{target}</span>
      <span aria-hidden="true" className="text-slate-400 dark:text-slate-500">
        ·
      </span>
      <span>{state.label}</span>
    </Link>
  );
}

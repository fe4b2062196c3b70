import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { isApiError } from '../../api/api-error.ts';

/** What the latest finished request says about the connection. */
export type ConnectionHealth = 'unknown' | 'ok' | 'unauthorized' | 'unreachable';

/** Classifies a query outcome; errors that say nothing about the connection (a 400, a 404) count as reachable. */
export function healthFromOutcome(outcome: { ok: true } | { ok: false; error: unknown }): ConnectionHealth {
  if (outcome.ok) return 'ok';
  const { error } = outcome;
  if (!isApiError(error)) return 'ok';
  if (error.kind === 'http') return error.status === 401 ? 'unauthorized' : 'ok';
  if (error.kind === 'aborted' || error.kind === 'parse') return 'ok';
  return 'unreachable';
}

/**
 * Follows the query cache: every successful or failed query updates the health. No extra request
 * is made just to show the header status.
 */
export function useConnectionHealth(): ConnectionHealth {
  const queryClient = useQueryClient();
  const [health, setHealth] = useState<ConnectionHealth>('unknown');
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated') return;
        if (event.action.type === 'success') setHealth('ok');
        else if (event.action.type === 'error')
          setHealth(healthFromOutcome({ ok: false, error: event.action.error }));
      }),
    [queryClient],
  );
  return health;
}

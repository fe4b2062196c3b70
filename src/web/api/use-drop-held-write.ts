import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

/**
 * A write held back while the browser is offline (a paused mutation) is sent by itself once the
 * connection is back. When the form that asked for it goes away first (its dialog closed, Cancel),
 * the user has given it up: it is taken out of the mutation cache so that it is never sent. A write
 * already on its way is left alone (it may have reached the server).
 */
export function useDropHeldWriteOnUnmount(isPaused: boolean, variables: unknown): void {
  const queryClient = useQueryClient();
  const latest = useRef({ isPaused, variables });
  useEffect(() => {
    latest.current = { isPaused, variables };
  });
  useEffect(
    () => () => {
      const held = latest.current;
      if (!held.isPaused) return;
      const cache = queryClient.getMutationCache();
      for (const mutation of cache.getAll()) {
        if (mutation.state.isPaused && mutation.state.variables === held.variables) cache.remove(mutation);
      }
    },
    [queryClient],
  );
}

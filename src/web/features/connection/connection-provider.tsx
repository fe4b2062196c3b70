import type { ReactNode } from 'react';
import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { createApiClient } from '../../api/api-client.ts';
import { ApiClientProvider } from '../../api/api-client-context.tsx';
import { Spinner } from '../../ui/spinner.tsx';
import { ConnectionContext, connectionFromLocalConfig, connectionFromSaved } from './connection-context.ts';
import type { ActiveConnection, ConnectionContextValue } from './connection-context.ts';
import { fetchLocalConfig, NO_LOCAL_CONFIG } from './local-config.ts';
import type { LocalConfig } from './local-config.ts';
import { clearSavedConnection, loadSavedConnection, saveConnection } from './saved-connection.ts';
import type { SavedConnection } from './saved-connection.ts';

export interface ConnectionProviderProps {
  children: ReactNode;
  /** Injected in tests (the in-memory server's fetch). */
  fetch?: typeof fetch;
  /** Where the embedded server is: '' (same origin) in the browser, 'http://localhost' in tests. */
  embeddedBaseUrl?: string;
  /** Skips start-up resolution (tests that connect with a known key). */
  initialConnection?: ActiveConnection;
  /**
   * The local configuration the page asked for before the app rendered (`app/early-requests.ts`):
   * start-up reads it instead of asking again. A later switch back to the embedded server asks afresh.
   */
  localConfigAtStart?: Promise<LocalConfig>;
}

interface ResolvedState {
  connection: ActiveConnection;
  localConfig: LocalConfig;
  /** Bumped on every switch: the subtree re-mounts so no component keeps another server's data. */
  generation: number;
}

const browserFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

/**
 * Decides which API the app talks to and provides its client. On start: a connection stored by the
 * user wins; otherwise the embedded server's local config (its loopback key, or forwarding with a
 * server-side key) connects silently.
 */
export function ConnectionProvider({
  children,
  fetch: fetchImpl = browserFetch,
  embeddedBaseUrl = '',
  initialConnection,
  localConfigAtStart,
}: ConnectionProviderProps) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<ResolvedState | null>(
    initialConnection ? { connection: initialConnection, localConfig: NO_LOCAL_CONFIG, generation: 0 } : null,
  );

  const resolveFromServer = useCallback(
    async (sent?: Promise<LocalConfig>) => {
      const localConfig = await (sent ?? fetchLocalConfig(fetchImpl, embeddedBaseUrl));
      return { localConfig, connection: connectionFromLocalConfig(localConfig, embeddedBaseUrl) };
    },
    [fetchImpl, embeddedBaseUrl],
  );

  useEffect(() => {
    if (initialConnection) return;
    let cancelled = false;
    const saved = loadSavedConnection();
    void resolveFromServer(localConfigAtStart).then((resolved) => {
      if (cancelled) return;
      const connection = saved ? connectionFromSaved(saved, embeddedBaseUrl) : resolved.connection;
      setState({ connection, localConfig: resolved.localConfig, generation: 0 });
    });
    return () => {
      cancelled = true;
    };
  }, [initialConnection, resolveFromServer, embeddedBaseUrl, localConfigAtStart]);

  const connect = useCallback(
    (saved: SavedConnection) => {
      saveConnection(saved);
      queryClient.clear();
      setState((current) => ({
        connection: connectionFromSaved(saved, embeddedBaseUrl),
        localConfig: current?.localConfig ?? NO_LOCAL_CONFIG,
        generation: (current?.generation ?? 0) + 1,
      }));
    },
    [queryClient, embeddedBaseUrl],
  );

  const switchToEmbedded = useCallback(async () => {
    clearSavedConnection();
    const resolved = await resolveFromServer();
    queryClient.clear();
    setState((current) => ({ ...resolved, generation: (current?.generation ?? 0) + 1 }));
  }, [queryClient, resolveFromServer]);

  const connection = state?.connection;
  const forwarding = state?.localConfig.forwarding ?? false;
  const client = useMemo(
    () =>
      connection
        ? createApiClient({
            baseUrl: connection.baseUrl,
            apiKey: connection.apiKey,
            fetch: fetchImpl,
            embedded: connection.target === 'embedded',
            forwarding,
            // A forwarding server passes bulk_data on unchanged: the real API has no dashboard_filters.
            computesData: connection.target === 'embedded' && !forwarding,
          })
        : null,
    [connection, fetchImpl, forwarding],
  );

  const value = useMemo<ConnectionContextValue | null>(
    () =>
      state
        ? {
            connection: state.connection,
            localConfig: state.localConfig,
            embeddedBaseUrl,
            fetch: fetchImpl,
            connect,
            switchToEmbedded,
          }
        : null,
    [state, embeddedBaseUrl, fetchImpl, connect, switchToEmbedded],
  );

  if (!value || !client || !state) {
    return (
      <div
        role="status"
        className="flex min-h-screen items-center justify-center gap-3 text-slate-500 dark:text-slate-400"
      >
        <Spinner />
        <span>Connecting…</span>
      </div>
    );
  }
  return (
    <ConnectionContext.Provider value={value}>
      <ApiClientProvider client={client}>
        <Fragment key={state.generation}>{children}</Fragment>
      </ApiClientProvider>
    </ConnectionContext.Provider>
  );
}

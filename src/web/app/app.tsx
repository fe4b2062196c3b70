import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ConnectionProvider } from '../features/connection/connection.tsx';
import type { LocalConfig } from '../features/connection/connection.tsx';
import { ToastProvider } from '../ui/toast.tsx';
import { appRoutes } from './app-routes.tsx';
import { createAppQueryClient } from './query-client.ts';

export interface AppProps {
  /** The local configuration asked for before the app rendered (`early-requests.ts`). */
  localConfigAtStart?: Promise<LocalConfig>;
}

/** Providers (server cache, toasts, connection + API client) around the router. */
export function App({ localConfigAtStart }: AppProps) {
  const [queryClient] = useState(createAppQueryClient);
  // Created once: the connection provider re-mounts its subtree on a switch, the router must survive it.
  const [router] = useState(() => createBrowserRouter(appRoutes));
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <ConnectionProvider localConfigAtStart={localConfigAtStart}>
          <RouterProvider router={router} />
        </ConnectionProvider>
      </ToastProvider>
    </QueryClientProvider>
  );
}

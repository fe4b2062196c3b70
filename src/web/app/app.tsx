import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ConnectionProvider } from '../features/connection/connection.tsx';
import { ToastProvider } from '../ui/toast.tsx';
import { appRoutes } from './app-routes.tsx';
import { createAppQueryClient } from './query-client.ts';

/** Providers (server cache, toasts, connection + API client) around the router. */
export function App() {
  const [queryClient] = useState(createAppQueryClient);
  // Created once: the connection provider re-mounts its subtree on a switch, the router must survive it.
  const [router] = useState(() => createBrowserRouter(appRoutes));
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <ConnectionProvider>
          <RouterProvider router={router} />
        </ConnectionProvider>
      </ToastProvider>
    </QueryClientProvider>
  );
}

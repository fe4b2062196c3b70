import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { RouteObject } from 'react-router';
import { onTestFinished } from 'vitest';
import { createTestServer } from '../../server/test-support/create-test-server.ts';
import type { TestServer, TestServerOptions } from '../../server/test-support/create-test-server.ts';
import { ConnectionProvider } from '../features/connection/connection.tsx';
import type { ActiveConnection, LocalConfig } from '../features/connection/connection.tsx';
import { ToastProvider } from '../ui/toast.tsx';
import { jsdomSafeFetch } from './jsdom-safe-fetch.ts';

/** The origin the in-memory server answers on in component tests. */
export const TEST_BASE_URL = 'http://localhost';

export interface RenderWithServerOptions {
  /** Initial URL of the memory router (default `/`). */
  path?: string;
  /** Seeded calls (default 300: enough for charts, quick to seed). */
  calls?: number;
  /** More server options (pinned `now`, `app` options such as `localApiKey`). */
  serverOptions?: TestServerOptions;
  /** Reuse a server (e.g. one already changed through the API); it is then not closed here. */
  server?: TestServer;
  /**
   * The connection to start with: connected to the embedded server with the seeded key (default),
   * a custom one, or `'resolve'` to go through `/studio/local-config` as the app does on start.
   */
  connection?: ActiveConnection | 'resolve' | ((server: TestServer) => ActiveConnection);
  /** Wraps every request (fault injection in front of the real server). */
  wrapFetch?: (realFetch: typeof globalThis.fetch) => typeof globalThis.fetch;
  /**
   * With `connection: 'resolve'`: the local configuration the page asked for before rendering, as
   * `main.tsx` hands it in (made with the same fetch as the app's).
   */
  localConfigAtStart?: (fetchImpl: typeof globalThis.fetch) => Promise<LocalConfig>;
}

export type RenderWithServerResult = RenderResult & {
  server: TestServer;
  user: ReturnType<typeof userEvent.setup>;
  router: ReturnType<typeof createMemoryRouter>;
  queryClient: QueryClient;
};

/**
 * Renders UI (or a route table) wired to the REAL in-memory Hono app: a fresh QueryClient (no
 * retries), ToastProvider, the ConnectionProvider with `server.fetch`, and a memory router.
 * The server is closed when the test finishes.
 */
export function renderWithServer(
  ui: ReactElement | RouteObject[],
  options: RenderWithServerOptions = {},
): RenderWithServerResult {
  const server =
    options.server ?? createTestServer({ calls: options.calls ?? 300, ...options.serverOptions });
  if (!options.server) onTestFinished(() => server.close());
  const serverFetch = jsdomSafeFetch(server.fetch);
  const fetchImpl = options.wrapFetch ? options.wrapFetch(serverFetch) : serverFetch;
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 30_000 }, mutations: { retry: false } },
  });
  onTestFinished(() => queryClient.clear());
  const routes = Array.isArray(ui) ? ui : [{ path: '*', element: ui }];
  const router = createMemoryRouter(routes, { initialEntries: [options.path ?? '/'] });
  const connection =
    options.connection === 'resolve'
      ? undefined
      : typeof options.connection === 'function'
        ? options.connection(server)
        : (options.connection ?? {
            target: 'embedded' as const,
            baseUrl: TEST_BASE_URL,
            apiKey: server.apiKey,
            source: 'local-key' as const,
            remember: false,
          });
  const user = userEvent.setup();
  const result = render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <ConnectionProvider
          fetch={fetchImpl}
          embeddedBaseUrl={TEST_BASE_URL}
          initialConnection={connection}
          localConfigAtStart={options.localConfigAtStart?.(fetchImpl)}
        >
          <RouterProvider router={router} />
        </ConnectionProvider>
      </ToastProvider>
    </QueryClientProvider>,
  );
  return { ...result, server, user, router, queryClient };
}

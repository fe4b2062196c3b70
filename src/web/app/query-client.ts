import { QueryClient } from '@tanstack/react-query';

/**
 * The app's QueryClient. Query retries are off because the API client already retries idempotent
 * reads with backoff and Retry-After (retrying here too would multiply the attempts).
 */
export function createAppQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}

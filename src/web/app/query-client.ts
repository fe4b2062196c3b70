import { QueryClient } from '@tanstack/react-query';
import { shareStructurally } from '../lib/share-structurally.ts';

/**
 * The app's QueryClient. Query retries are off because the API client already retries idempotent
 * reads with backoff and Retry-After (retrying here too would multiply the attempts). Structural
 * sharing keeps every JSON key (shareStructurally).
 */
export function createAppQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        structuralSharing: shareStructurally,
      },
      mutations: { retry: false },
    },
  });
}

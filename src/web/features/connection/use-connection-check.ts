import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { DashboardListSchema } from '../../../contract/dashboard-schema.ts';
import { paginated } from '../../../contract/paginated-schema.ts';
import { useApiClient } from '../../api/api-client-context.tsx';
import { DASHBOARDS_PATH } from '../../api/dashboard-queries.ts';
import { queryKeys } from '../../api/query-keys.ts';

const CHECK_DELAY_MS = 1500;

/**
 * On screens that load nothing from the API (the Connection screen), the header would say
 * "Connecting" forever. If no request has finished shortly after mount, ask for one dashboard
 * (page_size=1) so the status reflects reality. Screens that load data never trigger it.
 */
export function useConnectionCheck(needed: boolean): void {
  const api = useApiClient();
  const [due, setDue] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setDue(true), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  useQuery({
    queryKey: queryKeys.studio.connectionCheck(),
    queryFn: async ({ signal }) =>
      (
        await api.get(DASHBOARDS_PATH, {
          schema: paginated(DashboardListSchema),
          query: { page_size: 1 },
          signal,
        })
      ).data.count,
    enabled: due && needed,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

import { queryOptions } from '@tanstack/react-query';
import { MetricListResponseSchema } from '../../contract/metric-schema.ts';
import type { ApiClient } from './api-client.ts';
import { queryKeys } from './query-keys.ts';

export const METRICS_PATH = '/test_framework/v1/metrics/';

/** Query factories for metrics (a plain array, not paginated). */
export const metricQueries = {
  list: (api: ApiClient, params: { projectId?: number | null; agentId?: number | null } = {}) =>
    queryOptions({
      queryKey: queryKeys.metrics.list(params),
      queryFn: async ({ signal }) => {
        const response = await api.get(METRICS_PATH, {
          schema: MetricListResponseSchema,
          query: { project_id: params.projectId ?? null, agent_id: params.agentId ?? null },
          signal,
        });
        return response.data;
      },
      // Metric definitions change rarely; the editor asks for them on every open.
      staleTime: 5 * 60_000,
    }),
};

import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { CallLogPageSchema } from '../../contract/call-log-schema.ts';
import type { Filter } from '../../contract/filter-schema.ts';
import type { ApiClient } from './api-client.ts';
import { queryKeys } from './query-keys.ts';

export const CALL_LOGS_PATH = '/observability/v2/call-logs/';

export interface CallLogListParams {
  /** Sent as `filters_v2` (a JSON string, D19): a widget's effective filters fit straight in. */
  filters: Filter | null;
  projectId?: number | null;
  page?: number;
  pageSize?: number;
}

/** Query factories for the call-logs list (the calls behind a chart point). */
export const callLogQueries = {
  list: (api: ApiClient, params: CallLogListParams) =>
    queryOptions({
      queryKey: queryKeys.callLogs.list(params),
      queryFn: async ({ signal }) => {
        const response = await api.get(CALL_LOGS_PATH, {
          schema: CallLogPageSchema,
          query: {
            filters_v2: params.filters === null ? null : JSON.stringify(params.filters),
            project_id: params.projectId ?? null,
            page: params.page ?? 1,
            page_size: params.pageSize ?? 25,
          },
          signal,
        });
        return response.data;
      },
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    }),
};

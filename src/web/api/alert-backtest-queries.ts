import { queryOptions } from '@tanstack/react-query';
import {
  ALERT_BACKTEST_PATH,
  AlertBacktestResponseSchema,
  type AlertBacktestRequest,
} from '../../contract/alert-backtest.ts';
import type { ApiClient } from './api-client.ts';
import { queryKeys } from './query-keys.ts';

/**
 * `POST /studio/alert-backtest/` (our extension, contract 12): every moment an alert on a saved
 * metric widget would have fired. Keyed by the body; it writes nothing, so it may be asked again.
 */
export const alertBacktestQueries = {
  run: (api: ApiClient, body: AlertBacktestRequest) =>
    queryOptions({
      queryKey: queryKeys.widgets.alertBacktest(body),
      queryFn: async ({ signal }) => {
        const response = await api.post(ALERT_BACKTEST_PATH, {
          body,
          schema: AlertBacktestResponseSchema,
          signal,
          idempotent: true,
        });
        return response.data;
      },
      staleTime: 30_000,
      retry: false,
    }),
};

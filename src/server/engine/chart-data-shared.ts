import {
  computeWidgetData,
  type EngineStores,
  type WidgetDataRequest,
  type WidgetDataResult,
} from './chart-data.ts';
import { limitsFromNow } from '../analytics/analytics-database.ts';
import { resultCacheFor } from './chart-result-cache.ts';
import { queryTimeLimitMs } from '../analytics/query-time-limit.ts';
import { WidgetDataResponseSchema } from '../../contract/widget-data-schema.ts';

/**
 * computeWidgetData within the time limit (docs/decisions/0009), shared with identical requests in
 * flight or just answered (chart-result-cache.ts, docs/decisions/0006). `signal`: the HTTP
 * request's; the shared computation is interrupted only when every request waiting for it has gone.
 */
export async function computeWidgetDataShared(
  stores: EngineStores,
  request: WidgetDataRequest,
  signal?: AbortSignal,
): Promise<WidgetDataResult> {
  // The generation a result is keyed on must be read once a seed still landing has landed.
  await stores.analytics.settled();
  return resultCacheFor(stores).get(
    request,
    async (shared) => {
      const result = await computeWidgetData(stores, request, limitsFromNow(queryTimeLimitMs(), shared));
      // The wire shape is checked once per computation, not once per request that shares it.
      WidgetDataResponseSchema.shape.data.parse(result.data);
      return result;
    },
    signal,
  );
}

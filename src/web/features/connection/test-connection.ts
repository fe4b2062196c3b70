import { DashboardListSchema } from '../../../contract/dashboard-schema.ts';
import { paginated } from '../../../contract/paginated-schema.ts';
import { createApiClient } from '../../api/api-client.ts';
import { ApiError } from '../../api/api-error.ts';
import { DASHBOARDS_PATH } from '../../api/dashboard-queries.ts';

export type ConnectionTestResult = { ok: true; dashboardCount: number } | { ok: false; error: ApiError };

/**
 * Lists one page of dashboards with the given base URL and key, without switching to them. No
 * retries: the user is waiting and wants the first answer, whatever it is.
 */
export async function testConnection(
  baseUrl: string,
  apiKey: string | null,
  fetchImpl: typeof fetch,
): Promise<ConnectionTestResult> {
  const client = createApiClient({
    baseUrl,
    apiKey,
    fetch: fetchImpl,
    retry: { maxRetries: 0 },
    timeoutMs: 15_000,
  });
  try {
    const page = await client.get(DASHBOARDS_PATH, {
      schema: paginated(DashboardListSchema),
      query: { page_size: 1 },
    });
    return { ok: true, dashboardCount: page.data.count };
  } catch (error: unknown) {
    if (error instanceof ApiError) return { ok: false, error };
    const message = error instanceof Error ? error.message : 'Unknown error';
    return {
      ok: false,
      error: new ApiError({ kind: 'network', method: 'GET', path: DASHBOARDS_PATH, message }),
    };
  }
}

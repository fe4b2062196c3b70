import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../server/test-support/create-test-server.ts';
import { createApiClient } from '../../api/api-client.ts';
import { dashboardQueries } from '../../api/dashboard-queries.ts';
import { metricQueries } from '../../api/metric-queries.ts';
import { widgetQueries } from '../../api/widget-queries.ts';
import { prefetchWidgetEditor } from './prefetch-widget-editor.ts';

let server: TestServer;
beforeEach(() => {
  server = createTestServer({ calls: 50 });
});
afterEach(() => server.close());

/** The API client on the in-memory server, recording when each request starts and ends. */
function recordingClient(events: string[]) {
  const fetchImpl: typeof fetch = async (input, init) => {
    const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
    events.push(`start ${path}`);
    const response = await server.fetch(input, init);
    events.push(`end ${path}`);
    return response;
  };
  return createApiClient({
    baseUrl: 'http://localhost',
    apiKey: server.apiKey,
    fetch: fetchImpl,
    pageOrigin: null,
  });
}

describe('prefetchWidgetEditor', () => {
  it('asks for the dashboard and the widget at once, then the metrics, and caches all three', async () => {
    const events: string[] = [];
    const api = recordingClient(events);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await prefetchWidgetEditor(queryClient, api, 1, 3);
    const firstEnd = events.findIndex((e) => e.startsWith('end'));
    expect(events.slice(0, firstEnd).sort()).toEqual([
      'start /dashboards/dashboards/1/',
      'start /dashboards/widgets/3/',
    ]);
    const dashboard = queryClient.getQueryData(dashboardQueries.detail(api, 1).queryKey);
    expect(dashboard?.id).toBe(1);
    expect(queryClient.getQueryData(widgetQueries.detail(api, 3).queryKey)?.id).toBe(3);
    const metrics = queryClient.getQueryData(
      metricQueries.list(api, { projectId: dashboard?.project }).queryKey,
    );
    expect(metrics).toBeDefined();
  });

  it('starts the metrics at once when the dashboard is already cached', async () => {
    const events: string[] = [];
    const api = recordingClient(events);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await queryClient.fetchQuery(dashboardQueries.detail(api, 1));
    events.length = 0;
    await prefetchWidgetEditor(queryClient, api, 1, 3);
    const firstEnd = events.findIndex((e) => e.startsWith('end'));
    expect(events.slice(0, firstEnd).sort()).toEqual([
      'start /dashboards/widgets/3/',
      'start /test_framework/v1/metrics/',
    ]);
  });

  it('never rejects: a failing widget is left for the editor to report', async () => {
    const api = recordingClient([]);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await expect(prefetchWidgetEditor(queryClient, api, 1, 99_999)).resolves.toBeUndefined();
    expect(queryClient.getQueryState(widgetQueries.detail(api, 99_999).queryKey)?.status).toBe('error');
  });
});

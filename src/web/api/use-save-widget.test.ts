import { WidgetSchema } from '../../contract/widget-schema.ts';
import { callApi } from '../../server/test-support/call-api.ts';
import { createTestServer, type TestServer } from '../../server/test-support/create-test-server.ts';
import { createApiClient } from './api-client.ts';
import { saveWidget, WidgetConflictError } from './use-save-widget.ts';

const WIDGET = 3;
let server: TestServer;
beforeEach(() => {
  server = createTestServer({ calls: 100 });
});
afterEach(() => server.close());

function client(fetchImpl: typeof fetch = server.fetch) {
  return createApiClient({
    baseUrl: 'http://localhost',
    apiKey: server.apiKey,
    fetch: fetchImpl,
    pageOrigin: null,
  });
}

describe('saveWidget', () => {
  it('PATCHes with If-Match and returns the new copy with its ETag', async () => {
    const loaded = WidgetSchema.parse((await callApi(server, 'GET', `/dashboards/widgets/${WIDGET}/`)).body);
    const etag = (await callApi(server, 'GET', `/dashboards/widgets/${WIDGET}/`)).headers.get('etag');
    const saved = await saveWidget(client(), {
      widgetId: WIDGET,
      patch: { name: 'Renamed' },
      expectedUpdatedAt: loaded.updated_at,
      ifMatch: etag,
    });
    expect(saved.name).toBe('Renamed');
    expect(saved.etag).not.toBe(etag);
  });

  it('refuses to write when updated_at moved on, even without ETags (D21)', async () => {
    const loaded = WidgetSchema.parse((await callApi(server, 'GET', `/dashboards/widgets/${WIDGET}/`)).body);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await callApi(server, 'PATCH', `/dashboards/widgets/${WIDGET}/`, { body: { name: 'Theirs' } });
    const patches: string[] = [];
    const spy: typeof fetch = (input, init) => {
      if (init?.method === 'PATCH') patches.push(input instanceof Request ? input.url : input.toString());
      return server.fetch(input, init);
    };
    const attempt = saveWidget(client(spy), {
      widgetId: WIDGET,
      patch: { name: 'Mine' },
      expectedUpdatedAt: loaded.updated_at,
      ifMatch: null,
    });
    await expect(attempt).rejects.toBeInstanceOf(WidgetConflictError);
    await attempt.catch((error: unknown) => {
      expect(error instanceof WidgetConflictError && error.theirs.name).toBe('Theirs');
    });
    expect(patches).toEqual([]);
  });

  it('turns a 412 from a write that slipped in after the check into a conflict', async () => {
    const loaded = WidgetSchema.parse((await callApi(server, 'GET', `/dashboards/widgets/${WIDGET}/`)).body);
    const attempt = saveWidget(client(), {
      widgetId: WIDGET,
      patch: { name: 'Mine' },
      expectedUpdatedAt: loaded.updated_at,
      ifMatch: '"stale-etag"',
    });
    await expect(attempt).rejects.toBeInstanceOf(WidgetConflictError);
    const current = WidgetSchema.parse((await callApi(server, 'GET', `/dashboards/widgets/${WIDGET}/`)).body);
    expect(current.name).toBe(loaded.name);
  });
});

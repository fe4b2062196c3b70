import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardSchema } from '../../../contract/dashboard-schema.ts';
import type { ViewVariable } from '../../../contract/saved-view-schema.ts';
import { ValueCountsResponseSchema } from '../../../contract/value-counts-schema.ts';
import { callApi } from '../../../server/test-support/call-api.ts';
import { cekuraLikeServer, type CekuraLike } from '../../../server/test-support/cekura-like-fetch.ts';
import { createTestServer, type TestServer } from '../../../server/test-support/create-test-server.ts';
import { applyVariables, viewFiltersFor } from './variable-filters.ts';
import { createApiClient } from '../../api/api-client.ts';
import { fetchDashboardData, type DashboardData } from '../../api/widget-data-queries.ts';

// ADR 0021: Cekura's published bulk_data has no `dashboard_filters`. Through a forwarding server to an
// API that ignores the key, the variables must travel as per-widget `filters` instead.
const NOW = new Date('2026-08-20T12:00:00.000Z');
let data: TestServer;
let cekura: CekuraLike;
let forwarding: TestServer;
beforeAll(() => {
  data = createTestServer({ calls: 800, now: NOW });
  cekura = cekuraLikeServer(data);
  forwarding = createTestServer({
    calls: 10,
    app: { upstream: { url: 'http://localhost', fetch: cekura.fetch } },
  });
});
afterAll(() => {
  forwarding.close();
  data.close();
});

function client(fetchImpl: typeof fetch, computesData: boolean) {
  return createApiClient({
    baseUrl: 'http://localhost',
    apiKey: data.apiKey,
    fetch: fetchImpl,
    embedded: true,
    computesData,
    pageOrigin: null,
  });
}

const dataOf = (answer: DashboardData) =>
  Object.fromEntries(
    Object.entries(answer.results).map(([id, result]) => [id, result.ok ? result.response.data : result]),
  );

describe('variables against an API without dashboard_filters', () => {
  it('are sent as one filters override per distinct widget filter, and match what our engine draws', async () => {
    const dashboard = DashboardSchema.parse((await callApi(data, 'GET', '/dashboards/dashboards/1/')).body);
    const ids = dashboard.widgets.map((w) => w.id);
    const counts = ValueCountsResponseSchema.parse(
      (await callApi(data, 'GET', '/studio/v1/value-counts/?field=topic&limit=2')).body,
    );
    const variables: ViewVariable[] = [
      { field: 'topic', values: counts.results.map((r) => r.value) },
      { field: 'success', values: ['false'] },
    ];
    // The oracle: our engine, which honours dashboard_filters, asked directly.
    const oracle = await fetchDashboardData(client(data.fetch, true), ids, undefined, {
      kind: 'dashboard',
      filters: applyVariables(dashboard.filters, variables),
    });
    const unfiltered = await fetchDashboardData(client(data.fetch, true), ids);
    expect(dataOf(oracle)).not.toEqual(dataOf(unfiltered));

    // Sent as our extension through the forwarding server, the variables are ignored upstream.
    const ignored = await fetchDashboardData(client(forwarding.fetch, true), ids, undefined, {
      kind: 'dashboard',
      filters: applyVariables(dashboard.filters, variables),
    });
    expect(dataOf(ignored)).toEqual(dataOf(unfiltered));

    // What the SPA sends when the server does not compute the data itself.
    cekura.bulkDataBodies.length = 0;
    const view = viewFiltersFor(dashboard.widgets, dashboard.filters, variables, false);
    expect(view?.kind).toBe('per-widget');
    const answer = await fetchDashboardData(client(forwarding.fetch, false), ids, undefined, view);
    expect(answer.mode).toBe('bulk');
    expect(dataOf(answer)).toEqual(dataOf(oracle));
    const distinctFilters = new Set(dashboard.widgets.map((w) => JSON.stringify(w.filters ?? null)));
    expect(cekura.bulkDataBodies).toHaveLength(distinctFilters.size);
    expect(distinctFilters.size).toBeGreaterThan(1);
    for (const body of cekura.bulkDataBodies) {
      expect(body).not.toHaveProperty('dashboard_filters');
      expect(body).toHaveProperty('filters');
    }
  });

  it('leaves the request Cekura’s own when no variable has a choice', () => {
    const widgets = [{ id: 1, filters: null }];
    expect(viewFiltersFor(widgets, null, [{ field: 'topic', values: [] }], false)).toBeUndefined();
    expect(viewFiltersFor(widgets, null, [{ field: 'topic', values: [] }], true)).toBeUndefined();
    expect(viewFiltersFor(widgets, null, [{ field: 'topic', values: ['a'] }], true)).toEqual({
      kind: 'dashboard',
      filters: { operator: 'and', conditions: [{ field: 'topic', op: 'eq', value: 'a' }] },
    });
  });
});

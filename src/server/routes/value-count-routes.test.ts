import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { PieSliceSchema } from '../../contract/widget-data-schema.ts';
import { ValueCountsResponseSchema } from '../../contract/value-counts-schema.ts';
import { callApi } from '../test-support/call-api.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';

const NOW = new Date('2026-08-20T12:00:00.000Z');
let server: TestServer;
beforeAll(() => {
  server = createTestServer({ calls: 600, now: NOW });
});
afterAll(() => server.close());

const PATH = '/studio/v1/value-counts/';

/** The slices of a pie of the field over the same window: another engine path, the oracle. */
async function pieSlices(field: string, key: string, from = 'now-30d') {
  const result = await callApi(server, 'POST', '/dashboards/widgets/preview_data/', {
    key,
    body: { chart_type: 'pie', field, filters: { field: 'timestamp', op: 'gte', value: from } },
  });
  expect(result.status).toBe(200);
  return z.object({ data: z.array(PieSliceSchema) }).parse(result.body).data;
}

async function pieCounts(field: string, key: string, from?: string) {
  return (await pieSlices(field, key, from))
    .filter((s) => s.label !== '(none)' && s.label !== '')
    .map((s) => ({ value: s.label, count: s.value }));
}

describe(`GET ${PATH}`, () => {
  it.each(['topic', 'call_ended_reason', 'dropoff_point', 'success', 'is_reviewed', 'metadata.region'])(
    'counts the values of %s like a pie of it does, most frequent first',
    async (field) => {
      const project = server.projectIds[0] ?? 0;
      const result = await callApi(server, 'GET', `${PATH}?field=${field}&project_id=${project}&limit=100`, {
        key: server.scopedApiKey,
      });
      expect(result.status).toBe(200);
      const body = ValueCountsResponseSchema.parse(result.body);
      expect(body.field).toBe(field);
      expect(body.window_days).toBe(30);
      expect(body.results.length).toBeGreaterThan(1);
      const counts = body.results.map((r) => r.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      // The scoped key sees only the first project: a pie over its calls is the oracle.
      const expected = await pieCounts(field, server.scopedApiKey);
      expect(new Map(body.results.map((r) => [r.value, r.count]))).toEqual(
        new Map(expected.map((r) => [r.value, r.count])),
      );
    },
  );

  it('counts over a shorter window from `from`, and the calls without a value with `missing=true` (ADR 0016)', async () => {
    const project = server.projectIds[0] ?? 0;
    const key = server.scopedApiKey;
    const result = await callApi(
      server,
      'GET',
      `${PATH}?field=metadata.region&project_id=${project}&limit=100&from=now-7d&missing=true`,
      { key },
    );
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    const body = ValueCountsResponseSchema.parse(result.body);
    const expected = await pieCounts('metadata.region', key, 'now-7d');
    expect(new Map(body.results.map((r) => [r.value, r.count]))).toEqual(
      new Map(expected.map((r) => [r.value, r.count])),
    );
    const none = (await pieSlices('metadata.region', key, 'now-7d')).find((s) => s.label === '(none)');
    expect(body.missing).toBe(none?.value ?? 0);
    // Without the flag the answer is as before: no `missing` key.
    const plain = await callApi(server, 'GET', `${PATH}?field=topic&from=now-7d`, { key });
    expect(plain.body).not.toHaveProperty('missing');
  });

  it('keeps only the top `limit` values', async () => {
    const all = ValueCountsResponseSchema.parse(
      (await callApi(server, 'GET', `${PATH}?field=call_ended_reason&limit=100`)).body,
    ).results;
    const top = ValueCountsResponseSchema.parse(
      (await callApi(server, 'GET', `${PATH}?field=call_ended_reason&limit=3`)).body,
    ).results;
    expect(all.length).toBeGreaterThan(3);
    expect(top).toEqual(all.slice(0, 3));
  });

  it.each([
    ['', { field: ['This field is required.'] }],
    ['field=duration', { field: [expect.stringMatching(/^Value counts are not available for "duration"/)] }],
    ['field=customer_number', { field: [expect.stringMatching(/not available for "customer_number"/)] }],
    ["field=metadata.region')--", { field: [expect.stringMatching(/not available/)] }],
    ['field=topic&limit=0', { limit: ['Ensure this value is between 1 and 100.'] }],
    ['field=topic&limit=101', { limit: ['Ensure this value is between 1 and 100.'] }],
    ['field=topic&limit=x', { limit: ['A valid integer is required.'] }],
    ['field=topic&project_id=x', { project_id: ['A valid integer is required.'] }],
    ['field=topic&from=yesterday', { from: [expect.stringMatching(/^Enter a time like now-7d/)] }],
    ['field=topic&to=2026-13-40', { to: [expect.stringMatching(/^Enter a time like now-7d/)] }],
    ['field=topic&missing=maybe', { missing: ['Must be a valid boolean.'] }],
  ])('?%s is a 400 that names the parameter', async (query, body) => {
    const result = await callApi(server, 'GET', `${PATH}?${query}`);
    expect(result.status).toBe(400);
    expect(result.body).toEqual(body);
  });

  it('is 404 for a project outside the key and 401 without a key', async () => {
    const other = server.projectIds[1] ?? 0;
    const foreign = await callApi(server, 'GET', `${PATH}?field=topic&project_id=${other}`, {
      key: server.scopedApiKey,
    });
    expect(foreign.status).toBe(404);
    expect((await callApi(server, 'GET', `${PATH}?field=topic`, { key: null })).status).toBe(401);
  });

  it('is not served in forwarding mode (the real API has no such route)', async () => {
    const forwarding = createTestServer({
      calls: 10,
      // An upstream that answers everything: a forwarded request would come back 200.
      app: { upstream: { url: 'http://upstream.test', fetch: () => Promise.resolve(Response.json({})) } },
    });
    try {
      const result = await callApi(forwarding, 'GET', `${PATH}?field=topic`);
      expect(result.status).toBe(404);
    } finally {
      forwarding.close();
    }
  });
});

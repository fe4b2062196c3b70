import { countAnalyticsRows } from './test-support/analytics-rows.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { FIELD_CATALOGUE } from '../contract/field-catalogue.ts';
import { FilterSchema, type Filter } from '../contract/filter-schema.ts';
import { insertApiKey } from './http/api-key-store.ts';
import { createApp } from './app.ts';
import { openDatabase, type OpenDatabase } from './db/open-database.ts';
import { referenceMatchingIds } from './test-support/engine-reference-filter.ts';
import {
  buildEngineFixture,
  HOSTILE_STRINGS,
  insertEngineFixture,
} from './test-support/engine-test-fixture.ts';
import type { TestServer } from './test-support/create-test-server.ts';
import { callApi } from './test-support/call-api.ts';
import { snapshotDatabase } from './test-support/snapshot-database.ts';

// SQL injection through the HTTP API (issue 6): hostile strings in every filterable text field, in
// metadata keys and values, in query parameters and in stored names. Each is either rejected with a
// 400 or treated as data: the number of calls a stat preview counts equals what the reference
// evaluator (engine-reference-filter.ts, written from the documented semantics) counts on the same
// fixture, which itself stores hostile strings as call data. Nothing is ever written or dropped.

const fixture = buildEngineFixture();
const KEY = 'ws_sqli_test_key_0123456789abcdef';
let database: OpenDatabase;
let server: TestServer;

/** The engine fixture behind the real app, as a TestServer for callApi. */
beforeAll(async () => {
  database = openDatabase(':memory:');
  await insertEngineFixture(database, fixture);
  insertApiKey(database.sqlite, { key: KEY, organisationId: 1, projectId: null, label: 'sqli' });
  const app = createApp({ database, clock: () => new Date(fixture.now.getTime()) });
  server = {
    app,
    apiKey: KEY,
    scopedApiKey: KEY,
    projectIds: fixture.projectIds,
    database,
    fetch: async (input, init) => app.request(input, init),
    close: () => database.close(),
  };
});
afterAll(() => server.close());

const INJECTIONS = [
  ...HOSTILE_STRINGS,
  "' OR '1'='1",
  "' OR 1=1 --",
  '") OR 1=1 --',
  "%' OR '%'='",
  "'; ATTACH DATABASE '/tmp/x.db' AS x; --",
  '1); DROP TABLE dashboards; --',
  "' UNION SELECT key_hash FROM api_keys --",
  '$.region',
  '\\',
  "json_extract(metadata, '$.region')",
];

const WINDOW: Filter = { field: 'timestamp', op: 'gte', value: 'now-29d' };
const withWindow = (leaf: Filter): Filter => ({ operator: 'and', conditions: [WINDOW, leaf] });

/** total_calls of a stat preview, or null for a 400. Anything else fails the test. */
async function countCalls(filters: unknown): Promise<number | null> {
  const result = await callApi(server, 'POST', '/dashboards/widgets/preview_data/', {
    body: { chart_type: 'stat', field: '', filters },
  });
  if (result.status === 400) return null;
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return z.object({ data: z.object({ total_calls: z.number() }) }).parse(result.body).data.total_calls;
}

const TEXT_FIELDS = [
  ...FIELD_CATALOGUE.filter((f) => f.valueType === 'string' && f.field !== 'metadata.*').map((f) => ({
    field: f.field,
    ops: f.filterOps,
  })),
  ...['region', 'org_name', 'missing_key'].map((key) => ({
    field: `metadata.${key}`,
    ops: FIELD_CATALOGUE.find((f) => f.field === 'metadata.*')?.filterOps ?? [],
  })),
];

describe('hostile filter values are data', () => {
  it('covers every text field of the catalogue', () => {
    expect(TEXT_FIELDS.map((f) => f.field)).toEqual(
      expect.arrayContaining([
        'call_ended_reason',
        'topic',
        'agent.agent_name',
        'metric_evaluations.metric.name',
      ]),
    );
  });

  it.each(TEXT_FIELDS)('$field: every operator, every injection string', async ({ field, ops }) => {
    const before = snapshotDatabase(database);
    const mismatches: string[] = [];
    let answered = 0;
    for (const op of ops) {
      if (op === 'isnull') continue;
      for (const text of INJECTIONS) {
        const leaf = FilterSchema.parse({ field, op, value: op === 'in' ? [text, 'US'] : text });
        const counted = await countCalls(withWindow(leaf));
        if (counted === null) continue; // rejected with a 400: never reached SQL
        const expected = referenceMatchingIds(withWindow(leaf), fixture, fixture.now).length;
        if (counted !== expected)
          mismatches.push(`${op} ${JSON.stringify(text)}: ${counted} calls, expected ${expected}`);
        answered += 1;
      }
    }
    expect(answered).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
    expect(snapshotDatabase(database)).toBe(before);
  });

  it('finds the stored hostile values exactly (so the comparison above can fail)', async () => {
    const leaf: Filter = { field: 'call_ended_reason', op: 'eq', value: HOSTILE_STRINGS[0] };
    const expected = referenceMatchingIds(withWindow(leaf), fixture, fixture.now).length;
    expect(expected).toBeGreaterThan(0);
    expect(await countCalls(withWindow(leaf))).toBe(expected);
  });

  // SQLite's LIKE reads its pattern as a C string, so a value with U+0000 would be cut at the NUL and
  // match every call: validateFilter rejects U+0000 in contains/startswith/endswith text (400).
  it('a NUL character in a contains/startswith/endswith value is rejected, never matched as everything', async () => {
    for (const [field, op] of [
      ['topic', 'contains'],
      ['customer_number', 'startswith'],
      ['agent.agent_name', 'endswith'],
    ] as const) {
      const leaf: Filter = { field, op, value: '\u0000nul' };
      expect(await countCalls(withWindow(leaf)), op).toBeNull();
      // The same op and field without the NUL is accepted, so the null above is the NUL's doing.
      expect(await countCalls(withWindow({ field, op, value: 'nul' })), op).not.toBeNull();
    }
  });

  it('rejects text in numeric, boolean, id and time fields with a 400', async () => {
    for (const [field, op] of [
      ['id', 'eq'],
      ['id', 'in'],
      ['duration', 'gt'],
      ['success', 'eq'],
      ['agent.id', 'in'],
      ['metric_evaluations.metric.id', 'eq'],
      ['timestamp', 'lte'],
    ] as const) {
      for (const text of ['1 OR 1=1', '1); DROP TABLE calls; --']) {
        const value = op === 'in' ? [text] : text;
        expect(
          await countCalls(withWindow(FilterSchema.parse({ field, op, value }))),
          `${field} ${text}`,
        ).toBeNull();
      }
    }
  });
});

describe('hostile metadata keys', () => {
  const KEYS = [
    "region') OR 1=1 --",
    'region"',
    'region.nested',
    '$.region',
    "a'; DROP TABLE calls; --",
    'region[0]',
    '',
    'x'.repeat(65),
    'ü',
  ];

  it.each(KEYS)('metadata.%s is rejected in filters, plot fields and group_by', async (key) => {
    const before = snapshotDatabase(database);
    const field = `metadata.${key}`;
    expect(await countCalls(withWindow({ field, op: 'eq', value: 'US' }))).toBeNull();
    const asPlot = await callApi(server, 'POST', '/dashboards/widgets/preview_data/', {
      body: { chart_type: 'pie', field, filters: WINDOW },
    });
    expect(asPlot.status).toBe(400);
    const asGroup = await callApi(server, 'POST', '/dashboards/widgets/preview_data/', {
      body: {
        chart_type: 'bar',
        field: 'duration',
        aggregation_function: 'avg',
        time_period: 'day',
        group_by: { type: 'field', field },
        filters: WINDOW,
      },
    });
    expect(asGroup.status).toBe(400);
    expect(snapshotDatabase(database)).toBe(before);
  });
});

describe('hostile strings in query parameters and stored objects', () => {
  it('rejects or ignores injected query parameters', async () => {
    const before = snapshotDatabase(database);
    for (const path of [
      '/dashboards/dashboards/?project_id=1%20OR%201=1',
      '/dashboards/dashboards/?page_size=1;DROP%20TABLE%20dashboards',
      "/dashboards/widgets/?dashboard_id=1'%20OR%20'1'='1",
      '/test_framework/v1/metrics/?agent_id=1%20UNION%20SELECT%201',
      '/observability/v2/call-logs/?call_ids=1,2);DROP%20TABLE%20calls;--',
      "/observability/v2/call-logs/?timestamp_from=now'--",
    ]) {
      const result = await callApi(server, 'GET', path);
      expect([200, 400, 404], path).toContain(result.status);
    }
    const filtersV2 = encodeURIComponent(JSON.stringify({ field: 'topic', op: 'eq', value: "' OR 1=1 --" }));
    const logs = await callApi(server, 'GET', `/observability/v2/call-logs/?filters_v2=${filtersV2}`);
    expect(logs.status).toBe(200);
    expect(logs.body).toMatchObject({ count: 0 });
    expect(snapshotDatabase(database)).toBe(before);
  });

  it('stores names and metadata keys and values verbatim', async () => {
    const metadata = Object.fromEntries(INJECTIONS.map((text, i) => [text || `empty${i}`, text]));
    for (const name of INJECTIONS) {
      const created = await callApi(server, 'POST', '/dashboards/dashboards/', { body: { name } });
      expect(created.status).toBe(201);
      const dashboard = z.object({ id: z.number(), name: z.string() }).parse(created.body);
      expect(dashboard.name).toBe(name);
      const widget = await callApi(server, 'POST', '/dashboards/widgets/', {
        body: { dashboard: dashboard.id, name, chart_type: 'stat', field: '', metadata },
      });
      expect(widget.status).toBe(201);
      const read = await callApi(
        server,
        'GET',
        `/dashboards/widgets/${z.object({ id: z.number() }).parse(widget.body).id}/`,
      );
      expect(read.body).toMatchObject({ name, metadata });
    }
    const tables = z
      .array(z.object({ name: z.string() }))
      .parse(database.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all())
      .map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['dashboards', 'widgets', 'api_keys', 'metrics']));
    expect(await countAnalyticsRows(database, 'calls')).toBe(fixture.calls.length);
    expect(await countAnalyticsRows(database, 'metric_evaluations')).toBe(fixture.evaluations.length);
  });
});

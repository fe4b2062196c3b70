import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AGGREGATION_FUNCTIONS, CHART_TYPES, DATA_TYPES, TIME_PERIODS } from '../../contract/enums.ts';
import { FILTER_OPS, GROUP_OPERATORS } from '../../contract/filter-schema.ts';
import { FIELD_CATALOGUE } from '../../contract/field-catalogue.ts';
import { callApi } from '../test-support/call-api.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';
import { snapshotDatabase } from '../test-support/snapshot-database.ts';

const NOW = new Date('2026-08-20T12:00:00.000Z');
// A fresh server per endpoint, so one endpoint's successful writes (a bulk delete, a moved widget)
// cannot turn another endpoint's requests into plain 404s.
let server: TestServer;
beforeEach(() => {
  server = createTestServer({ calls: 300, now: NOW });
});
afterEach(() => server.close());

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    "'; DROP TABLE widgets; --",
    '" OR 1=1 --',
    '%_\\',
    'metadata.a.b',
    'now-7d',
    'today-1M',
    'now+1d',
    '\u0000',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓',
    '(a+)+$',
    'x'.repeat(300),
  ),
);
const fieldName = fc.oneof(
  fc.constantFrom(...FIELD_CATALOGUE.map((f) => f.field), 'metadata.region', 'metadata.org_name', ''),
  hostileString,
);
const leafValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileString, fc.integer(), fc.boolean());

/** Filter-like trees: mostly well-formed shapes with random fields, ops and values, sometimes junk. */
const filterTree = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    tie('group'),
    fc.jsonValue({ maxDepth: 3 }),
  ),
  leaf: fc.record({
    field: fieldName,
    op: fc.oneof(fc.constantFrom(...FILTER_OPS), hostileString),
    value: leafValue,
  }),
  group: fc.record({
    operator: fc.oneof(fc.constantFrom(...GROUP_OPERATORS), hostileString),
    conditions: fc.array(tie('node'), { maxLength: 4 }),
  }),
}));

const widgetBody = fc.record(
  {
    dashboard: fc.oneof(fc.constantFrom(1, 2, 9999), fc.jsonValue({ maxDepth: 1 })),
    name: fc.oneof(hostileString, fc.jsonValue({ maxDepth: 1 })),
    filters: fc.oneof(filterTree.node, fc.constant(null)),
    chart_type: fc.oneof(fc.constantFrom(...CHART_TYPES), hostileString),
    data_type: fc.oneof(fc.constantFrom(...DATA_TYPES, '', null), hostileString),
    field: fieldName,
    metric: fc.oneof(fc.integer({ min: -2, max: 14 }), fc.jsonValue({ maxDepth: 1 })),
    time_period: fc.oneof(fc.constantFrom(...TIME_PERIODS, '', null), hostileString),
    aggregation_function: fc.oneof(fc.constantFrom(...AGGREGATION_FUNCTIONS, '', null), hostileString),
    group_by: fc.oneof(
      fc.record({
        type: fc.constantFrom('field', 'bucket', 'x'),
        field: fieldName,
        interval: fc.oneof(fc.integer(), leafValue),
      }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    metadata: fc.jsonValue({ maxDepth: 3 }),
    dashboard_filters: filterTree.node,
    id: fc.jsonValue({ maxDepth: 1 }),
    unknown_key: fc.jsonValue({ maxDepth: 1 }),
  },
  { requiredKeys: [] },
);
const dashboardBody = fc.record(
  {
    name: fc.oneof(hostileString, fc.jsonValue({ maxDepth: 1 })),
    project: fc.oneof(fc.constantFrom(1, 2, 3, null), fc.jsonValue({ maxDepth: 1 })),
    filters: fc.oneof(filterTree.node, fc.constant(null)),
    widgets: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: [] },
);
const bulkBody = fc.record(
  {
    create: fc.oneof(fc.array(widgetBody, { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 })),
    update: fc.oneof(
      fc.array(
        fc.tuple(fc.integer({ min: 0, max: 20 }), widgetBody).map(([id, w]) => ({ ...w, id })),
        { maxLength: 3 },
      ),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    delete: fc.oneof(
      fc.array(fc.integer({ min: -1, max: 30 }), { maxLength: 3 }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
  },
  { requiredKeys: [] },
);
const bulkDataBody = fc.record(
  {
    widget_ids: fc.oneof(
      fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 5 }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    filters: filterTree.node,
  },
  { requiredKeys: [] },
);
const anyBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.string().map((text) => ({ raw: text })),
);

const ENDPOINTS: [string, string, fc.Arbitrary<unknown>][] = [
  ['POST', '/dashboards/dashboards/', dashboardBody],
  ['PUT', '/dashboards/dashboards/1/', dashboardBody],
  ['PATCH', '/dashboards/dashboards/1/', dashboardBody],
  ['POST', '/dashboards/dashboards/1/duplicate/', fc.oneof(dashboardBody, anyBody)],
  ['POST', '/dashboards/dashboards/1/bulk_widgets/', bulkBody],
  ['POST', '/dashboards/widgets/', widgetBody],
  ['PUT', '/dashboards/widgets/3/', widgetBody],
  ['PATCH', '/dashboards/widgets/3/', widgetBody],
  ['POST', '/dashboards/widgets/preview_data/', widgetBody],
  ['POST', '/dashboards/widgets/bulk_data/', bulkDataBody],
];

describe('fuzz: random bodies to every write endpoint', () => {
  it.each(ENDPOINTS)(
    '%s %s never answers 500, and a rejected write changes nothing',
    async (method, path, body) => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof({ weight: 4, arbitrary: body }, { weight: 1, arbitrary: anyBody }),
          async (value) => {
            const before = snapshotDatabase(server.database);
            const raw =
              typeof value === 'object' && value !== null && 'raw' in value && typeof value.raw === 'string'
                ? { text: value.raw, contentType: 'application/json' }
                : undefined;
            const result = await callApi(server, method, path, raw ? { raw } : { body: value });
            expect(result.status, JSON.stringify(result.body)).toBeLessThan(500);
            expect(typeof result.body === 'object' && result.body !== null).toBe(true);
            if (result.status >= 400) expect(snapshotDatabase(server.database)).toBe(before);
          },
        ),
        { numRuns: 100 },
      );
    },
  );
});

describe('hostile nesting', () => {
  // JSON.parse copes with 7,000 levels; recursive validation would not, so the body is refused early.
  const deepFilter = (depth: number) =>
    '{"operator":"and","conditions":['.repeat(depth) +
    '{"field":"success","op":"eq","value":true}' +
    ']}'.repeat(depth);

  it.each(ENDPOINTS)('%s %s answers 400 for a 5,000-level body and writes nothing', async (method, path) => {
    const before = snapshotDatabase(server.database);
    const text = `{"dashboard":1,"chart_type":"stat","widget_ids":[1],"filters":${deepFilter(5000)}}`;
    const result = await callApi(server, method, path, { raw: { text, contentType: 'application/json' } });
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ detail: 'JSON parse error - nesting is too deep (limit 64 levels).' });
    expect(snapshotDatabase(server.database)).toBe(before);
  });

  it.each([
    ['/dashboards/widgets/1/data/?filters=', 'filters'],
    ['/observability/v2/call-logs/?filters_v2=', 'filters_v2'],
  ])('GET %s with a 7,000-level filter answers 400', async (path, key) => {
    const result = await callApi(server, 'GET', `${path}${encodeURIComponent(deepFilter(7000))}`);
    expect(result.status).toBe(400);
    expect(result.body).toHaveProperty(key);
  });

  it('refuses deep JSON in form fields too', async () => {
    const text = new URLSearchParams({ name: 'x', filters: deepFilter(3000) }).toString();
    const result = await callApi(server, 'POST', '/dashboards/dashboards/', {
      raw: { text, contentType: 'application/x-www-form-urlencoded' },
    });
    expect(result.status).toBe(400);
  });
});

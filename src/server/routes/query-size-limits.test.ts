import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { CallLogPageSchema } from '../../contract/call-log-schema.ts';
import { FILTER_LIMITS, validateFilter } from '../../contract/filter-validation.ts';
import { BULK_DATA_MAX_WIDGET_IDS, WidgetDataResponseSchema } from '../../contract/widget-data-schema.ts';
import { paginated } from '../../contract/paginated-schema.ts';
import { MAX_BODY_BYTES } from '../http/read-body.ts';
import { callApi } from '../test-support/call-api.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';

// Issue 11 item 5: a filter within every documented limit must never reach a database error (SQLite
// binds at most 32,766 values per statement and refuses LIKE patterns over 50,000 bytes), and what is
// over a limit answers a clear 400 when it is written and when it is read.

const NOW = new Date('2026-08-20T12:00:00.000Z');
const RECENT = { field: 'timestamp', op: 'gte', value: 'now-7d' };
const IdSchema = z.object({ id: z.number() });
const DataPageSchema = paginated(WidgetDataResponseSchema);

let server: TestServer;
let dashboardId: number;

beforeAll(async () => {
  server = createTestServer({ calls: 400, now: NOW });
  // More projects than the seed's: the call-log query reads each project's calls in its own run.
  const organisation = z
    .object({ organisation_id: z.number() })
    .parse(server.database.sqlite.prepare('SELECT organisation_id FROM projects LIMIT 1').get());
  const insert = server.database.sqlite.prepare('INSERT INTO projects (organisation_id, name) VALUES (?, ?)');
  for (let i = 0; i < 10; i++) insert.run(organisation.organisation_id, `Extra project ${i}`);
  const created = await callApi(server, 'POST', '/dashboards/dashboards/', { body: { name: 'Limits' } });
  dashboardId = IdSchema.parse(created.body).id;
});
afterAll(() => server.close());

const inList = (field: string, count: number, value: (i: number) => unknown) => ({
  field,
  op: 'in',
  value: Array.from({ length: count }, (_, i) => value(i)),
});

/** Within every limit but the new total: 40 lists of 1,000 values (40,000 bound values). */
const manyInValues = {
  operator: 'and',
  conditions: [RECENT, ...Array.from({ length: 40 }, () => inList('id', 1000, (i) => i))],
};
const TOO_MANY_IN = `A filter may hold at most ${FILTER_LIMITS.maxInValuesTotal} 'in' values in all; this one has 40000`;

/**
 * Every limit at once: 8 levels of groups, 200 conditions (most binding two values: a metadata key and
 * its value), `in` lists adding up to the total, LIKE texts at the longest (with the wildcards the
 * engine escapes and four-byte characters), long `or` chains (SQLite limits expression depth), and
 * half the body limit, so that a preview can carry it twice (as `filters` and `dashboard_filters`).
 */
function largestValidFilter(): unknown {
  const { maxDepth, maxConditions, maxInValues, maxInValuesTotal, maxTextLength } = FILTER_LIMITS;
  const lists = maxInValuesTotal / maxInValues;
  const longText = `%_\\😀`.repeat(maxTextLength / 5);
  const leaves: unknown[] = Array.from({ length: lists - 1 }, (_, n) =>
    inList(`metadata.key_${n}`, maxInValues, (i) => `v${i}`),
  );
  // The other conditions: the timestamp, the innermost leaf, the same_row group's one leaf.
  const textLeaves = maxConditions - leaves.length - 3;
  for (let i = 0; i < textLeaves; i++) {
    const value = i < 50 ? longText : `${i}%`;
    leaves.push({ field: `metadata.text_${i}`, op: i % 2 ? 'contains' : 'endswith', value });
  }
  // Last, so that it lands in the outermost `or` (the group counts towards the depth).
  leaves.push({
    operator: 'same_row',
    conditions: [inList('metric_evaluations.value', maxInValues, (i) => (i % 2 ? i : `t${i}`))],
  });
  // Nest: each level is an `or` whose first child is the next level, then its share of the leaves.
  const perLevel = Math.ceil(leaves.length / (maxDepth - 1));
  let node: unknown = { field: 'topic', op: 'eq', value: 'billing' };
  for (let level = maxDepth; level >= 2; level--) {
    node = { operator: 'or', conditions: [node, ...leaves.splice(0, perLevel)] };
  }
  return { operator: 'and', conditions: [RECENT, node] };
}

const GroupShape = z.object({ conditions: z.array(z.unknown()) });

function countLeaves(node: unknown): number {
  const group = GroupShape.safeParse(node);
  return group.success ? group.data.conditions.reduce<number>((n, child) => n + countLeaves(child), 0) : 1;
}

function groupDepth(node: unknown): number {
  const group = GroupShape.safeParse(node);
  return group.success ? 1 + Math.max(...group.data.conditions.map(groupDepth)) : 0;
}

describe('the largest valid filter', () => {
  const filter = largestValidFilter();

  it('is at every limit at once', () => {
    expect(validateFilter(filter)).toEqual([]);
    expect(countLeaves(filter)).toBe(FILTER_LIMITS.maxConditions);
    expect(groupDepth(filter)).toBe(FILTER_LIMITS.maxDepth);
    const body = JSON.stringify({
      chart_type: 'stat',
      field: '',
      filters: filter,
      dashboard_filters: filter,
    });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(Buffer.byteLength(body)).toBeGreaterThan(MAX_BODY_BYTES / 2);
  });

  it('answers 200 on data, preview_data, bulk_data and call logs', async () => {
    const saved = await callApi(server, 'PATCH', `/dashboards/dashboards/${dashboardId}/`, {
      body: { filters: filter },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const widgetIds: number[] = [];
    for (const chart_type of ['stat', 'bar', 'line', 'pie']) {
      const body = {
        dashboard: dashboardId,
        name: chart_type,
        chart_type,
        field: chart_type === 'pie' ? 'topic' : chart_type === 'stat' ? '' : 'duration',
        filters: filter,
        ...(chart_type === 'bar' ? { aggregation_function: 'avg', time_period: 'day' } : {}),
      };
      const created = await callApi(server, 'POST', '/dashboards/widgets/', { body });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      widgetIds.push(IdSchema.parse(created.body).id);
    }
    for (const id of widgetIds) {
      const data = await callApi(server, 'GET', `/dashboards/widgets/${id}/data/`);
      expect(data.status, JSON.stringify(data.body)).toBe(200);
    }
    const preview = await callApi(server, 'POST', '/dashboards/widgets/preview_data/', {
      body: {
        chart_type: 'bar',
        field: 'duration',
        aggregation_function: 'avg',
        time_period: 'day',
        filters: filter,
        dashboard_filters: filter,
      },
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    // The most ids a bulk_data takes: the widgets, then ids that do not exist (left out, D12).
    const ids = [
      ...widgetIds,
      ...Array.from({ length: BULK_DATA_MAX_WIDGET_IDS - 4 }, (_, i) => 10_000_000 + i),
    ];
    const bulk = await callApi(server, 'POST', '/dashboards/widgets/bulk_data/', {
      body: { widget_ids: ids, filters: filter },
    });
    expect(bulk.status, JSON.stringify(bulk.body)).toBe(200);
    expect(DataPageSchema.parse(bulk.body).results.map((r) => r.widget_id)).toEqual(widgetIds);
    const callIds = Array.from({ length: 1000 }, (_, i) => i + 1).join(',');
    const logs = await callApi(
      server,
      'GET',
      `/observability/v2/call-logs/?call_ids=${callIds}&filters_v2=${encodeURIComponent(JSON.stringify(filter))}`,
    );
    expect(logs.status, JSON.stringify(logs.body)).toBe(200);
    expect(CallLogPageSchema.parse(logs.body).count).toBeGreaterThanOrEqual(0);
  });
});

describe('too many in values', () => {
  it('is refused with a 400 when a widget or a dashboard is written', async () => {
    const widget = await callApi(server, 'POST', '/dashboards/widgets/', {
      body: { dashboard: dashboardId, chart_type: 'stat', field: '', filters: manyInValues },
    });
    expect(widget.status).toBe(400);
    expect(widget.body).toEqual({ filters: [TOO_MANY_IN] });
    const dashboard = await callApi(server, 'PATCH', `/dashboards/dashboards/${dashboardId}/`, {
      body: { filters: manyInValues },
    });
    expect(dashboard.status).toBe(400);
    expect(dashboard.body).toEqual({ filters: [TOO_MANY_IN] });
  });

  it('is refused with a 400 when data is read with it', async () => {
    const preview = await callApi(server, 'POST', '/dashboards/widgets/preview_data/', {
      body: { chart_type: 'stat', field: '', filters: manyInValues },
    });
    expect(preview.status).toBe(400);
    expect(preview.body).toEqual({ filters: [TOO_MANY_IN] });
    const text = encodeURIComponent(JSON.stringify(manyInValues));
    const logs = await callApi(server, 'GET', `/observability/v2/call-logs/?filters_v2=${text}`);
    expect(logs.status).toBe(400);
    expect(logs.body).toEqual({ filters_v2: [TOO_MANY_IN] });
  });

  it('answers 400, not 500, for a widget and a dashboard stored before the limit', async () => {
    const created = await callApi(server, 'POST', '/dashboards/dashboards/', { body: { name: 'Old' } });
    const oldDashboard = IdSchema.parse(created.body).id;
    const widget = await callApi(server, 'POST', '/dashboards/widgets/', {
      body: { dashboard: oldDashboard, chart_type: 'stat', field: '', filters: RECENT },
    });
    const widgetId = IdSchema.parse(widget.body).id;
    const store = (table: 'widgets' | 'dashboards', id: number) =>
      server.database.sqlite
        .prepare(`UPDATE ${table} SET filters = ? WHERE id = ?`)
        .run(JSON.stringify(manyInValues), id);

    store('widgets', widgetId);
    const data = await callApi(server, 'GET', `/dashboards/widgets/${widgetId}/data/`);
    expect(data.status).toBe(400);
    expect(data.body).toEqual({ filters: [TOO_MANY_IN] });
    const bulk = await callApi(server, 'POST', '/dashboards/widgets/bulk_data/', {
      body: { widget_ids: [widgetId] },
    });
    expect(bulk.status).toBe(400);
    expect(bulk.body).toEqual({ filters: [TOO_MANY_IN] });

    server.database.sqlite.prepare('UPDATE widgets SET filters = NULL WHERE id = ?').run(widgetId);
    store('dashboards', oldDashboard);
    const viaDashboard = await callApi(server, 'GET', `/dashboards/widgets/${widgetId}/data/`);
    expect(viaDashboard.status).toBe(400);
    expect(viaDashboard.body).toEqual({ dashboard_filters: [TOO_MANY_IN] });
  });
});

describe('other sizes a database cannot take', () => {
  it('refuses a bulk_data of more widget ids than the limit', async () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => i + 1);
    const bulk = await callApi(server, 'POST', '/dashboards/widgets/bulk_data/', {
      body: { widget_ids: ids },
    });
    expect(bulk.status).toBe(400);
    expect(bulk.body).toEqual({
      widget_ids: [`Ensure this field has no more than ${BULK_DATA_MAX_WIDGET_IDS} elements.`],
    });
  });

  it('refuses contains text longer than the limit', async () => {
    const filters = {
      operator: 'and',
      conditions: [RECENT, { field: 'topic', op: 'contains', value: 'x'.repeat(60_000) }],
    };
    const preview = await callApi(server, 'POST', '/dashboards/widgets/preview_data/', {
      body: { chart_type: 'stat', field: '', filters },
    });
    expect(preview.status).toBe(400);
    expect(preview.body).toEqual({
      filters: [
        `conditions[1].value: 'contains' text may be at most ${FILTER_LIMITS.maxTextLength} characters long`,
      ],
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { CallLogPageSchema } from '../../contract/call-log-schema.ts';
import { callLogWhere } from '../engine/call-log-store.ts';
import { NO_DIMENSIONS } from '../engine/filter-sql.ts';
import { queryAnalytics } from '../test-support/analytics-rows.ts';
import { callApi } from '../test-support/call-api.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';

const NOW = new Date('2026-08-20T12:00:00.000Z');
const DAY = 86_400_000;
let server: TestServer;
beforeAll(() => {
  server = createTestServer({ calls: 1500, now: NOW });
});
afterAll(() => server.close());

async function page(query: string) {
  const result = await callApi(server, 'GET', `/observability/v2/call-logs/${query}`);
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return CallLogPageSchema.parse(result.body);
}

describe('GET /observability/v1|v2/call-logs/', () => {
  it('lists the last 30 days newest first, with MM:SS durations and metrics', async () => {
    const first = await page('?page_size=20');
    expect(first.results).toHaveLength(20);
    const times = first.results.map((c) => Date.parse(c.timestamp ?? ''));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(NOW.getTime() - (times.at(-1) ?? 0)).toBeLessThan(30 * DAY);
    for (const call of first.results) {
      expect(call.duration).toMatch(/^\d{2,}:\d{2}$/);
      expect(call.metrics?.length).toBeGreaterThan(0);
    }
    const withDuration = z
      .object({ duration: z.number() })
      .parse(
        (
          await queryAnalytics(server.database, 'SELECT duration FROM calls WHERE id = ?', [
            first.results[0]?.id ?? 0,
          ])
        )[0],
      );
    const [mm, ss] = (first.results[0]?.duration ?? '').split(':').map(Number);
    expect((mm ?? 0) * 60 + (ss ?? 0)).toBe(Math.round(withDuration.duration));
    const v1 = await callApi(server, 'GET', '/observability/v1/call-logs/?page_size=20');
    expect(CallLogPageSchema.parse(v1.body).results.map((c) => c.id)).toEqual(first.results.map((c) => c.id));
    const expected = z
      .object({ n: z.number() })
      .parse(
        (
          await queryAnalytics(server.database, 'SELECT count(*) n FROM calls WHERE ts_ms >= ?', [
            NOW.getTime() - 30 * DAY,
          ])
        )[0],
      );
    expect(first.count).toBe(expected.n);
  });

  it('takes timestamp_from/to, agent_id, project_id and call_ids', async () => {
    const from = new Date(NOW.getTime() - 3 * DAY).toISOString();
    const to = new Date(NOW.getTime() - 1 * DAY).toISOString();
    const windowed = await page(`?timestamp_from=${from}&timestamp_to=${to}&page_size=200`);
    expect(windowed.results.every((c) => (c.timestamp ?? '') >= from && (c.timestamp ?? '') <= to)).toBe(
      true,
    );
    const agent = await page('?agent_id=2');
    expect(agent.results.every((c) => c.agent === 2 && c.agent_name === 'Tech Support Bot')).toBe(true);
    const ids = agent.results.slice(0, 3).map((c) => c.id);
    const byIds = await page(`?call_ids=${ids.join(',')}`);
    expect(byIds.results.map((c) => c.id).sort()).toEqual([...ids].sort());
    const project = await page(`?project_id=${server.projectIds[1]}`);
    expect(project.results.every((c) => (c.agent ?? 0) >= 4)).toBe(true);
  });

  it('applies filters_v2, e.g. a widget effective filter', async () => {
    const filter = {
      operator: 'and',
      conditions: [
        { field: 'timestamp', op: 'gte', value: 'now-7d' },
        { field: 'success', op: 'eq', value: false },
        { field: 'metadata.region', op: 'in', value: ['EU'] },
      ],
    };
    const result = await page(`?page_size=200&filters_v2=${encodeURIComponent(JSON.stringify(filter))}`);
    expect(result.count).toBeGreaterThan(0);
    const check = (id: number) =>
      queryAnalytics(
        server.database,
        "SELECT json_extract_string(metadata, '$.region') AS region FROM calls WHERE id = ?",
        [id],
      );
    for (const call of result.results) {
      expect(call.success).toBe(false);
      expect(Date.parse(call.timestamp ?? '')).toBeGreaterThanOrEqual(NOW.getTime() - 7 * DAY);
      expect(await check(call.id)).toEqual([{ region: 'EU' }]);
    }
  });

  it.each([
    ['?filters_v2=%7Bnope', 'filters_v2'],
    [`?filters_v2=${encodeURIComponent('{"field":"duration","op":"regex","value":"x"}')}`, 'filters_v2'],
    ['?timestamp_from=yesterday', 'timestamp_from'],
    ['?call_ids=1,a', 'call_ids'],
    ['?project_id=x', 'project_id'],
  ])('rejects %s', async (query, key) => {
    const result = await callApi(server, 'GET', `/observability/v2/call-logs/${query}`);
    expect(result.status).toBe(400);
    expect(result.body).toHaveProperty(key);
  });

  it('limits the window to 31 days (D19)', async () => {
    const to = NOW.toISOString();
    const ok = await callApi(
      server,
      'GET',
      `/observability/v2/call-logs/?timestamp_from=${new Date(NOW.getTime() - 31 * DAY).toISOString()}&timestamp_to=${to}`,
    );
    expect(ok.status).toBe(200);
    const wide = await callApi(
      server,
      'GET',
      `/observability/v2/call-logs/?timestamp_from=${new Date(NOW.getTime() - 31 * DAY - 1000).toISOString()}&timestamp_to=${to}`,
    );
    expect(wide.status).toBe(400);
    expect(wide.body).toEqual({ detail: 'The time range may not exceed 31 days.' });
  });

  it('paginates to the end and 404s past it', async () => {
    const first = await page('?agent_id=6&page_size=200');
    const pages = Math.ceil(first.count / 200);
    const last = await callApi(
      server,
      'GET',
      `/observability/v2/call-logs/?agent_id=6&page_size=200&page=${pages}`,
    );
    expect(CallLogPageSchema.parse(last.body).next).toBeNull();
    const past = await callApi(
      server,
      'GET',
      `/observability/v2/call-logs/?agent_id=6&page_size=200&page=${pages + 1}`,
    );
    expect(past.status).toBe(404);
    expect(past.body).toEqual({ detail: 'Invalid page.' });
  });

  // The window must reach DuckDB's scan as a filter on ts_ms (pushed down, so the zone maps of the
  // time-ordered row groups skip everything outside it), with the project and the residual filter.
  it.each([
    ['one project', [1]],
    ['every project', [1, 2]],
  ])('pushes the window into the scan of calls for %s (EXPLAIN)', async (_label, projectIds) => {
    const where = callLogWhere(
      {
        projectIds,
        fromMs: NOW.getTime() - 7 * DAY,
        toMs: NOW.getTime(),
        agentId: null,
        callIds: null,
        filter: { field: 'success', op: 'eq', value: true },
        now: NOW,
      },
      NO_DIMENSIONS,
    );
    const plan = (
      await queryAnalytics(
        server.database,
        `EXPLAIN SELECT c.id FROM calls c WHERE ${where.sql} ORDER BY c.ts_ms DESC LIMIT 50`,
        where.params.map((p) => (typeof p === 'number' || typeof p === 'string' ? p : null)),
      )
    )
      .map((row) => String(row.explain_value))
      .join('\n');
    const scan = plan.slice(plan.indexOf('SEQ_SCAN'));
    expect(scan).toMatch(/ts_ms>=/);
    expect(scan).toMatch(/ts_ms<=/);
    expect(plan).toMatch(/TOP_N/);
  });
});

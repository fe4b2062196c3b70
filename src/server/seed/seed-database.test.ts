import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { MetricListResponseSchema } from '../../contract/metric-schema.ts';
import { DashboardSchema } from '../../contract/dashboard-schema.ts';
import { checkWidget } from '../../contract/widget-rules.ts';
import { WidgetLayoutSchema } from '../../contract/widget-schema.ts';
import { isFilterGroup, type Filter } from '../../contract/filter-schema.ts';
import { openDatabase, type OpenDatabase } from '../db/open-database.ts';
import { queryAnalytics } from '../test-support/analytics-rows.ts';
import { callApi } from '../test-support/call-api.ts';
import { createTestServer } from '../test-support/create-test-server.ts';
import { SEED_SPAN_DAYS } from './hour-buckets.ts';
import { seedDatabase } from './seed-database.ts';

const NOW = new Date('2026-08-20T12:00:00.000Z');
function dump(database: OpenDatabase, sql: string): Promise<unknown[]> {
  return queryAnalytics(database, sql);
}

function hasSameRow(filter: Filter | null): boolean {
  if (filter === null || !isFilterGroup(filter)) return false;
  return filter.operator === 'same_row' || filter.conditions.some(hasSameRow);
}

describe('seedDatabase', () => {
  it('is deterministic for a seed and a time', async () => {
    const a = openDatabase(':memory:');
    const b = openDatabase(':memory:');
    seedDatabase(a, { calls: 300, seed: 7, now: NOW });
    seedDatabase(b, { calls: 300, seed: 7, now: NOW });
    const calls = 'SELECT * FROM calls ORDER BY id';
    const evaluations = 'SELECT * FROM metric_evaluations ORDER BY call_id, metric_id';
    const seeded = await dump(a, calls);
    expect(seeded).toHaveLength(300);
    expect(await dump(b, calls)).toEqual(seeded);
    expect(await dump(a, evaluations)).toEqual(await dump(b, evaluations));
    const c = openDatabase(':memory:');
    seedDatabase(c, { calls: 300, seed: 8, now: NOW });
    expect(await dump(c, calls)).not.toEqual(seeded);
    for (const db of [a, b, c]) db.close();
  });

  it('spreads calls over the last 45 days with the documented shapes', async () => {
    const database = openDatabase(':memory:');
    const result = seedDatabase(database, { calls: 3000, now: NOW });
    const stats = z
      .object({ n: z.number(), lo: z.number(), hi: z.number(), agents: z.number(), noMeta: z.number() })
      .parse(
        (
          await queryAnalytics(
            database,
            `SELECT count(*) n, min(ts_ms) lo, max(ts_ms) hi, count(DISTINCT agent_id) agents,
               count(*) FILTER (WHERE json_extract_string(metadata, '$.region') IS NULL) "noMeta" FROM calls`,
          )
        )[0],
      );
    expect(stats.n).toBe(3000);
    expect(stats.hi).toBeLessThanOrEqual(NOW.getTime());
    expect(stats.lo).toBeGreaterThanOrEqual(NOW.getTime() - SEED_SPAN_DAYS * 86_400_000);
    expect(NOW.getTime() - stats.lo).toBeGreaterThan(40 * 86_400_000);
    expect(stats.agents).toBe(6);
    expect(stats.noMeta).toBeGreaterThan(0);
    const rates = z
      .array(z.object({ agent_id: z.number(), rate: z.number() }))
      .parse(
        await queryAnalytics(database, 'SELECT agent_id, avg(success) rate FROM calls GROUP BY agent_id'),
      );
    expect(new Set(rates.map((r) => Math.round(r.rate * 20))).size).toBeGreaterThan(2);
    const metricIds = (
      await queryAnalytics(database, 'SELECT DISTINCT metric_id FROM metric_evaluations')
    ).map((row) => Number(row.metric_id));
    const evalTypes = new Set(
      metricIds.map((id) =>
        database.sqlite.prepare('SELECT eval_type FROM metrics WHERE id = ?').pluck().get(id),
      ),
    );
    expect(evalTypes.size).toBe(4);
    expect(result.projectIds).toHaveLength(2);
    database.close();
  });

  it('stores calls and evaluations in time order, ids following time, with an incident to find', async () => {
    const database = openDatabase(':memory:');
    await seedDatabase(database, { calls: 20_000, now: NOW }).callsWritten;
    const disorder = z.array(z.object({ calls: z.number(), evaluations: z.number() })).parse(
      await queryAnalytics(
        database,
        `SELECT
           (SELECT count(*) FROM (SELECT ts_ms < lag(ts_ms) OVER (ORDER BY rowid) AS back FROM calls) WHERE back) AS calls,
           (SELECT count(*) FROM (SELECT ts_ms < lag(ts_ms) OVER (ORDER BY rowid) AS back FROM metric_evaluations) WHERE back)
             AS evaluations`,
      ),
    );
    expect(disorder).toEqual([{ calls: 0, evaluations: 0 }]);
    const ids = z
      .array(z.object({ first: z.number(), last: z.number(), n: z.number(), unordered: z.number() }))
      .parse(
        await queryAnalytics(
          database,
          `SELECT min(id) AS first, max(id) AS last, count(DISTINCT id) AS n,
             count(*) FILTER (WHERE id <> 1 + (rowid)) AS unordered FROM calls`,
        ),
      );
    expect(ids).toEqual([{ first: 1, last: 20_000, n: 20_000, unordered: 0 }]);
    // Each project's second agent fails more and answers slower from five to three days ago.
    const from = NOW.getTime() - 5 * 86_400_000;
    const to = NOW.getTime() - 3 * 86_400_000;
    const incident = z.array(z.object({ during: z.boolean(), rate: z.number(), latency: z.number() })).parse(
      await queryAnalytics(
        database,
        `SELECT c.ts_ms >= ? AND c.ts_ms < ? AS during, avg(c.success) AS rate, median(me.value_num) AS latency
         FROM calls c JOIN metric_evaluations me ON me.call_id = c.id AND me.metric_id = 1
         WHERE c.agent_id = 2 GROUP BY 1 ORDER BY 1`,
        [from, to],
      ),
    );
    const [before, during] = incident;
    expect(during?.during).toBe(true);
    expect(during?.rate).toBeLessThan((before?.rate ?? 0) - 0.15);
    expect(during?.latency).toBeGreaterThan((before?.latency ?? 0) * 1.4);
    database.close();
  });

  it('creates sample dashboards that use every chart type and pass the widget rules', async () => {
    const server = createTestServer({ calls: 50, now: NOW });
    const chartTypes = new Set<string>();
    let groupBy = false;
    let sameRow = false;
    for (const id of [1, 2]) {
      const dashboard = DashboardSchema.parse(
        (await callApi(server, 'GET', `/dashboards/dashboards/${id}/`)).body,
      );
      expect(dashboard.filters).toEqual({
        operator: 'and',
        conditions: [
          { field: 'timestamp', op: 'gte', value: 'today-7d' },
          { field: 'timestamp', op: 'lte', value: 'now' },
        ],
      });
      const metrics = MetricListResponseSchema.parse(
        (await callApi(server, 'GET', `/test_framework/v1/metrics/?project_id=${dashboard.project}`)).body,
      );
      for (const widget of dashboard.widgets) {
        expect(checkWidget(widget, { metrics }), widget.name ?? '').toBeNull();
        expect(WidgetLayoutSchema.safeParse(widget.metadata?.layout).success).toBe(true);
        chartTypes.add(widget.chart_type);
        groupBy ||= widget.group_by !== null;
        sameRow ||= hasSameRow(widget.filters);
      }
    }
    expect(chartTypes).toEqual(new Set(['line', 'bar', 'pie', 'stat']));
    expect(groupBy).toBe(true);
    expect(sameRow).toBe(true);
    server.close();
  });
});

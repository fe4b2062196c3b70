import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { MetricListResponseSchema } from '../../contract/metric-schema.ts';
import { DashboardSchema } from '../../contract/dashboard-schema.ts';
import { checkWidget } from '../../contract/widget-rules.ts';
import { WidgetLayoutSchema } from '../../contract/widget-schema.ts';
import { isFilterGroup, type Filter } from '../../contract/filter-schema.ts';
import { openDatabase, type OpenDatabase } from '../db/open-database.ts';
import { callApi } from '../test-support/call-api.ts';
import { createTestServer } from '../test-support/create-test-server.ts';
import { SEED_SPAN_DAYS } from './seed-calls.ts';
import { seedDatabase } from './seed-database.ts';

const NOW = new Date('2026-08-20T12:00:00.000Z');
const CallRowsSchema = z.array(z.record(z.string(), z.unknown()));

function dump(database: OpenDatabase, sql: string): unknown[] {
  return CallRowsSchema.parse(database.sqlite.prepare(sql).all());
}

function hasSameRow(filter: Filter | null): boolean {
  if (filter === null || !isFilterGroup(filter)) return false;
  return filter.operator === 'same_row' || filter.conditions.some(hasSameRow);
}

describe('seedDatabase', () => {
  it('is deterministic for a seed and a time', () => {
    const a = openDatabase(':memory:');
    const b = openDatabase(':memory:');
    seedDatabase(a, { calls: 300, seed: 7, now: NOW });
    seedDatabase(b, { calls: 300, seed: 7, now: NOW });
    expect(dump(a, 'SELECT * FROM calls')).toEqual(dump(b, 'SELECT * FROM calls'));
    expect(dump(a, 'SELECT * FROM metric_evaluations')).toEqual(dump(b, 'SELECT * FROM metric_evaluations'));
    const c = openDatabase(':memory:');
    seedDatabase(c, { calls: 300, seed: 8, now: NOW });
    expect(dump(c, 'SELECT * FROM calls')).not.toEqual(dump(a, 'SELECT * FROM calls'));
    for (const db of [a, b, c]) db.close();
  });

  it('spreads calls over the last 45 days with the documented shapes', () => {
    const database = openDatabase(':memory:');
    const result = seedDatabase(database, { calls: 3000, now: NOW });
    const stats = z
      .object({ n: z.number(), lo: z.number(), hi: z.number(), agents: z.number(), noMeta: z.number() })
      .parse(
        database.sqlite
          .prepare(
            `SELECT COUNT(*) n, MIN(ts_ms) lo, MAX(ts_ms) hi, COUNT(DISTINCT agent_id) agents,
               SUM(json_extract(metadata, '$.region') IS NULL) noMeta FROM calls`,
          )
          .get(),
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
        database.sqlite.prepare('SELECT agent_id, AVG(success) rate FROM calls GROUP BY agent_id').all(),
      );
    expect(new Set(rates.map((r) => Math.round(r.rate * 20))).size).toBeGreaterThan(2);
    const evalTypes = dump(
      database,
      'SELECT DISTINCT m.eval_type FROM metric_evaluations me JOIN metrics m ON m.id = me.metric_id',
    );
    expect(evalTypes).toHaveLength(4);
    expect(result.projectIds).toHaveLength(2);
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

import { queryAnalytics } from '../test-support/analytics-rows.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { CallLogPageSchema } from '../../contract/call-log-schema.ts';
import { callApi } from '../test-support/call-api.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';

// Issue 11 item 6: `regex` filters use RE2 (linear-time matching), so a pattern that makes a
// backtracking engine run for ever answers at once; patterns RE2 cannot compile answer 400 when they
// are written and when they are read.

const NOW = new Date('2026-08-20T12:00:00.000Z');
const RECENT = { field: 'timestamp', op: 'gte', value: 'now-7d' };
const CATASTROPHIC = '^((.+)+)+X$';
const StatSchema = z.object({ data: z.object({ total_calls: z.number() }) });
const IdSchema = z.object({ id: z.number() });

let server: TestServer;
beforeAll(() => {
  server = createTestServer({ calls: 600, now: NOW });
});
afterAll(() => server.close());

const byAgentName = (pattern: string) => ({
  operator: 'and',
  conditions: [RECENT, { field: 'agent.agent_name', op: 'regex', value: pattern }],
});

async function statTotal(filters: unknown): Promise<number> {
  const result = await callApi(server, 'POST', '/dashboards/widgets/preview_data/', {
    body: { chart_type: 'stat', field: '', filters },
  });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return StatSchema.parse(result.body).data.total_calls;
}

function callLogs(filters: unknown) {
  const text = encodeURIComponent(JSON.stringify(filters));
  return callApi(server, 'GET', `/observability/v2/call-logs/?filters_v2=${text}`);
}

async function recentCallsWhereAgent(predicate: (name: string) => boolean): Promise<number> {
  const names = new Map(
    z
      .array(z.object({ id: z.number(), agent_name: z.string() }))
      .parse(server.database.sqlite.prepare('SELECT id, agent_name FROM agents').all())
      .map((agent) => [agent.id, agent.agent_name]),
  );
  const rows = await queryAnalytics(server.database, 'SELECT agent_id FROM calls WHERE ts_ms >= ?', [
    NOW.getTime() - 7 * 86_400_000,
  ]);
  return rows.filter((row) => predicate(names.get(Number(row.agent_id)) ?? '')).length;
}

describe('a catastrophic backtracking pattern', () => {
  it('answers at once on chart data and call logs (RE2 matches in linear time)', async () => {
    // Agent names (about 16 characters) would take a backtracking engine minutes per row.
    expect(await statTotal(byAgentName(CATASTROPHIC))).toBe(0);
    const logs = await callLogs(byAgentName(CATASTROPHIC));
    expect(logs.status).toBe(200);
    expect(CallLogPageSchema.parse(logs.body).count).toBe(0);
    expect(await statTotal(byAgentName('^((.+)+)+t$'))).toBe(
      await recentCallsWhereAgent((n) => n.endsWith('t')),
    );
  });
});

describe('the RE2 dialect', () => {
  it('matches case-insensitively with the (?i) flag', async () => {
    const expected = await recentCallsWhereAgent((name) => name.toLowerCase().includes('bot'));
    expect(expected).toBeGreaterThan(0);
    expect(await statTotal(byAgentName('(?i)BOT'))).toBe(expected);
    expect(await statTotal(byAgentName('BOT'))).toBe(0);
  });

  it('refuses a pattern RE2 cannot compile when a widget or a dashboard is written', async () => {
    const dashboard = IdSchema.parse(
      (await callApi(server, 'POST', '/dashboards/dashboards/', { body: { name: 'Regex' } })).body,
    ).id;
    const widget = await callApi(server, 'POST', '/dashboards/widgets/', {
      body: { dashboard, chart_type: 'stat', field: '', filters: byAgentName('a{1001}') },
    });
    expect(widget.status).toBe(400);
    expect(widget.body).toEqual({
      filters: ['conditions[1].value: Invalid regular expression: invalid repeat count: `{1001}`'],
    });
    const patched = await callApi(server, 'PATCH', `/dashboards/dashboards/${dashboard}/`, {
      body: { filters: byAgentName('Bot(?=s)') },
    });
    expect(patched.status).toBe(400);
    expect(patched.body).toEqual({
      filters: [
        'conditions[1].value: Invalid regular expression: lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not supported (RE2 syntax)',
      ],
    });
  });

  it('refuses a pattern RE2 cannot compile when data is read with it', async () => {
    const preview = await callApi(server, 'POST', '/dashboards/widgets/preview_data/', {
      body: { chart_type: 'stat', field: '', filters: byAgentName('\\u0042ot') },
    });
    expect(preview.status).toBe(400);
    expect(preview.body).toEqual({
      filters: ['conditions[1].value: Invalid regular expression: invalid escape sequence: `\\u`'],
    });
    const logs = await callLogs(byAgentName('(B)ot\\1'));
    expect(logs.status).toBe(400);
    expect(logs.body).toEqual({
      filters_v2: [
        'conditions[1].value: Invalid regular expression: backreferences (\\1, \\k<name>) are not supported (RE2 syntax)',
      ],
    });
  });

  it('answers 400 for a widget stored with a pattern RE2 cannot compile', async () => {
    const dashboard = IdSchema.parse(
      (await callApi(server, 'POST', '/dashboards/dashboards/', { body: { name: 'Old regex' } })).body,
    ).id;
    const created = await callApi(server, 'POST', '/dashboards/widgets/', {
      body: { dashboard, chart_type: 'stat', field: '', filters: RECENT },
    });
    const id = IdSchema.parse(created.body).id;
    // Saved when patterns were JavaScript regular expressions, which have \u escapes.
    server.database.sqlite
      .prepare('UPDATE widgets SET filters = ? WHERE id = ?')
      .run(JSON.stringify(byAgentName('\\u0042ot')), id);
    const data = await callApi(server, 'GET', `/dashboards/widgets/${id}/data/`);
    expect(data.status).toBe(400);
    expect(data.body).toEqual({
      filters: ['conditions[1].value: Invalid regular expression: invalid escape sequence: `\\u`'],
    });
  });
});

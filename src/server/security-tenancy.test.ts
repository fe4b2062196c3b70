import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { seedDatabase } from './seed/seed-database.ts';
import { queryAnalytics } from './test-support/analytics-rows.ts';
import { callApi } from './test-support/call-api.ts';
import { createTestServer, type TestServer } from './test-support/create-test-server.ts';
import { snapshotDatabase } from './test-support/snapshot-database.ts';

// Tenancy over EVERY route (D18, issue 6): the list of routes is read from the app itself, so a route
// added later fails the coverage test until it is classified here. Two attackers: a key scoped to
// project A (against project B and the organisation-level dashboards) and a key of another
// organisation (against everything of the first). Objects outside a key's scope answer 404 with
// `{"detail": "Not found."}`, never data, and nothing is written.

const NOW = new Date('2026-08-20T12:00:00.000Z');
let server: TestServer;

interface Attacker {
  name: string;
  key: string;
  visibleProjects: number[];
  foreign: {
    dashboards: number[];
    widgets: number[];
    projects: number[];
    agents: number[];
    metrics: number[];
    calls: number[];
  };
  /** A dashboard the attacker owns (for bodies that need one). */
  ownDashboard: number;
}
const attackers: Attacker[] = [];

const Ids = z.array(z.object({ id: z.number() }));
const ids = (sql: string, ...params: unknown[]) =>
  Ids.parse(server.database.sqlite.prepare(sql).all(...params)).map((r) => r.id);
const IdSchema = z.object({ id: z.number() });

async function foreignOf(
  visible: number[],
  organisationId: number,
  onlyOtherOrg: boolean,
): Promise<Attacker['foreign']> {
  const inList = visible.join(',') || '0';
  const dashboards = onlyOtherOrg
    ? ids('SELECT id FROM dashboards WHERE organisation_id = ?', organisationId)
    : ids(
        `SELECT id FROM dashboards WHERE organisation_id = ? AND (project_id IS NULL OR project_id NOT IN (${inList}))`,
        organisationId,
      );
  const dashboardList = dashboards.join(',') || '0';
  const projects = ids(
    `SELECT id FROM projects WHERE organisation_id = ? AND id NOT IN (${inList})`,
    organisationId,
  );
  const projectList = projects.join(',') || '0';
  return {
    dashboards,
    widgets: ids(`SELECT id FROM widgets WHERE dashboard_id IN (${dashboardList})`),
    projects,
    agents: ids(`SELECT id FROM agents WHERE project_id IN (${projectList})`),
    metrics: ids(`SELECT id FROM metrics WHERE project_id IN (${projectList})`),
    calls: (
      await queryAnalytics(
        server.database,
        `SELECT id FROM calls WHERE project_id IN (${projectList}) ORDER BY ts_ms DESC LIMIT 20`,
      )
    ).map((row) => Number(row.id)),
  };
}

beforeAll(async () => {
  server = createTestServer({ calls: 300, now: NOW });
  const [projectA, projectB] = server.projectIds;
  if (projectA === undefined || projectB === undefined) throw new Error('two projects expected');
  // An organisation-level dashboard (no project) with a widget: invisible to a project key.
  const orgLevel = IdSchema.parse(
    (await callApi(server, 'POST', '/dashboards/dashboards/', { body: { name: 'Org' } })).body,
  );
  expect(
    (
      await callApi(server, 'POST', '/dashboards/widgets/', {
        body: { dashboard: orgLevel.id, chart_type: 'stat', field: '' },
      })
    ).status,
  ).toBe(201);
  // A second organisation with its own key, projects, calls and dashboards.
  const other = seedDatabase(server.database, { calls: 100, now: NOW });
  const ownOfScoped = ids('SELECT id FROM dashboards WHERE project_id = ? LIMIT 1', projectA)[0] ?? 0;
  const ownOfOther =
    ids('SELECT id FROM dashboards WHERE organisation_id = ? LIMIT 1', other.organisationId)[0] ?? 0;
  const firstOrg = z
    .object({ organisation_id: z.number() })
    .parse(
      server.database.sqlite.prepare('SELECT organisation_id FROM projects WHERE id = ?').get(projectA),
    ).organisation_id;
  attackers.push(
    {
      name: 'project-A key',
      key: server.scopedApiKey,
      visibleProjects: [projectA],
      foreign: await foreignOf([projectA], firstOrg, false),
      ownDashboard: ownOfScoped,
    },
    {
      name: 'other-organisation key',
      key: other.apiKey,
      visibleProjects: other.projectIds,
      foreign: await foreignOf([], firstOrg, true),
      ownDashboard: ownOfOther,
    },
  );
  for (const attacker of attackers) {
    expect(attacker.foreign.dashboards.length, attacker.name).toBeGreaterThan(0);
    expect(attacker.foreign.widgets.length, attacker.name).toBeGreaterThan(0);
    expect(attacker.foreign.metrics.length, attacker.name).toBeGreaterThan(0);
    expect(attacker.foreign.calls.length, attacker.name).toBeGreaterThan(0);
  }
});
afterAll(() => server.close());

// ------------------------------------------------------------------ the route table

type IdRoute = { resource: 'dashboard' | 'widget'; body?: (attacker: Attacker) => unknown };
/** Routes with an object id in the path: the foreign id must answer 404. */
const ID_ROUTES: Record<string, IdRoute> = {
  'GET /dashboards/dashboards/:id{[0-9]+}/': { resource: 'dashboard' },
  'PUT /dashboards/dashboards/:id{[0-9]+}/': { resource: 'dashboard', body: () => ({ name: 'taken over' }) },
  'PATCH /dashboards/dashboards/:id{[0-9]+}/': {
    resource: 'dashboard',
    body: () => ({ name: 'taken over' }),
  },
  'DELETE /dashboards/dashboards/:id{[0-9]+}/': { resource: 'dashboard' },
  'POST /dashboards/dashboards/:id{[0-9]+}/duplicate/': { resource: 'dashboard', body: () => ({}) },
  'POST /dashboards/dashboards/:id{[0-9]+}/bulk_widgets/': {
    resource: 'dashboard',
    body: () => ({ create: [{ chart_type: 'stat', field: '' }], delete: [] }),
  },
  'GET /dashboards/widgets/:id{[0-9]+}/': { resource: 'widget' },
  'PUT /dashboards/widgets/:id{[0-9]+}/': {
    resource: 'widget',
    body: (a) => ({ dashboard: a.ownDashboard, chart_type: 'stat', field: '', name: 'taken over' }),
  },
  'PATCH /dashboards/widgets/:id{[0-9]+}/': { resource: 'widget', body: () => ({ name: 'taken over' }) },
  'DELETE /dashboards/widgets/:id{[0-9]+}/': { resource: 'widget' },
  'GET /dashboards/widgets/:id{[0-9]+}/data/': { resource: 'widget' },
  'GET /studio/dashboards/:id{[0-9]+}/versions/': { resource: 'dashboard' },
  'GET /studio/dashboards/:id{[0-9]+}/versions/:version{[0-9]+}/': { resource: 'dashboard' },
  'POST /studio/dashboards/:id{[0-9]+}/restore/': { resource: 'dashboard', body: () => ({ version: 1 }) },
  'GET /studio/dashboards/:id{[0-9]+}/export/': { resource: 'dashboard' },
  'GET /studio/dashboards/:id{[0-9]+}/views/': { resource: 'dashboard' },
  'POST /studio/dashboards/:id{[0-9]+}/views/': {
    resource: 'dashboard',
    body: () => ({ name: 'taken over', state: { variables: [], group_by: null } }),
  },
  'DELETE /studio/dashboards/:id{[0-9]+}/views/:view{[0-9]+}/': { resource: 'dashboard' },
};

/** Collection routes: each gets a check of its own below (listed here for the coverage test). */
const COLLECTION_ROUTES = [
  'GET /dashboards/dashboards/',
  'POST /dashboards/dashboards/',
  'GET /dashboards/dashboards/predefined_widgets/',
  'GET /dashboards/widgets/',
  'POST /dashboards/widgets/',
  'POST /dashboards/widgets/preview_data/',
  'POST /dashboards/widgets/bulk_data/',
  'GET /test_framework/v1/metrics/',
  'GET /test_framework/v2/metrics/',
  'GET /observability/v1/call-logs/',
  'GET /observability/v2/call-logs/',
  // The trash's scope is checked in trash-routes.test.ts.
  'GET /studio/trash/',
  'POST /studio/trash/:id{[0-9]+}/restore/',
  // Import's project check is in document-routes.test.ts.
  'POST /studio/dashboards/import/',
  'GET /studio/v1/value-counts/',
  // A foreign widget id in the body is a 404: alert-backtest-route.test.ts.
  'POST /studio/alert-backtest/',
  // Writes into the key's project (writeProjectOf): checked in call-log-write-routes.test.ts.
  'POST /observability/v1/call-logs/',
  'POST /observability/v2/call-logs/',
  'POST /test_framework/v1/metrics/',
  'POST /test_framework/v2/metrics/',
  // Call import (/studio/import/): the same project check, in import-routes.test.ts.
  'GET /studio/import/',
  'POST /studio/import/',
] as const;
/** Routes that need no key and return no tenant data. */
const OPEN_ROUTES = [
  'GET /healthz',
  'GET /studio/local-config',
  'GET /studio/schema/dashboard-document.json',
];

describe('route coverage', () => {
  it('classifies every route the app registers (a new route must be added here)', () => {
    const registered = [
      ...new Set(server.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)),
    ].sort();
    const classified = [...Object.keys(ID_ROUTES), ...COLLECTION_ROUTES, ...OPEN_ROUTES].sort();
    expect(registered).toEqual(classified);
  });
});

// ------------------------------------------------------------------ id routes, generated

function concretePath(pattern: string, id: number): string {
  // Version 1 is the first recorded version of any dashboard: the id is not what makes it foreign.
  return pattern.replace(':id{[0-9]+}', String(id)).replace(':version{[0-9]+}', '1');
}

describe.each([0, 1])('id routes, attacker %i', (attackerIndex) => {
  it.each(Object.entries(ID_ROUTES))('%s answers 404 for every foreign object', async (route, spec) => {
    const attacker = attackers[attackerIndex];
    if (!attacker) throw new Error('attacker missing');
    const [method = 'GET', pattern = ''] = route.split(' ');
    const targets = spec.resource === 'dashboard' ? attacker.foreign.dashboards : attacker.foreign.widgets;
    const before = snapshotDatabase(server.database);
    for (const id of targets) {
      const result = await callApi(server, method, concretePath(pattern, id), {
        key: attacker.key,
        body: spec.body?.(attacker),
      });
      expect(result.status, `${attacker.name} ${method} ${id}`).toBe(404);
      expect(result.body).toEqual({ detail: 'Not found.' });
      expect(result.headers.get('etag')).toBeNull();
    }
    expect(snapshotDatabase(server.database)).toBe(before);
  });
});

// ------------------------------------------------------------------ collection routes

/** Items of a list answer: a plain array or a page's `results`. */
function itemsOf(body: unknown): Record<string, unknown>[] {
  const list = Array.isArray(body) ? body : z.object({ results: z.array(z.unknown()) }).parse(body).results;
  return z.array(z.record(z.string(), z.unknown())).parse(list);
}

const LAST_20_DAYS = { field: 'timestamp', op: 'gte', value: 'now-20d' };

describe.each([0, 1])('collection routes, attacker %i', (attackerIndex) => {
  const attacker = () => {
    const found = attackers[attackerIndex];
    if (!found) throw new Error('attacker missing');
    return found;
  };
  const call = (method: string, path: string, body?: unknown) =>
    callApi(server, method, path, { key: attacker().key, body });

  it('GET /dashboards/dashboards/ lists no foreign dashboard; a foreign project_id is 404', async () => {
    const a = attacker();
    const listed = itemsOf((await call('GET', '/dashboards/dashboards/?page_size=200')).body).map(
      (d) => d.id,
    );
    expect(listed.length).toBeGreaterThan(0);
    for (const id of a.foreign.dashboards) expect(listed).not.toContain(id);
    for (const project of a.foreign.projects) {
      expect((await call('GET', `/dashboards/dashboards/?project_id=${project}`)).status).toBe(404);
    }
  });

  it('POST /dashboards/dashboards/ cannot create in a foreign project', async () => {
    const a = attacker();
    const before = snapshotDatabase(server.database);
    for (const project of a.foreign.projects) {
      const result = await call('POST', '/dashboards/dashboards/', { name: 'x', project });
      expect(result.status).toBe(400);
      expect(result.body).toEqual({ project: [`Invalid pk "${project}" - object does not exist.`] });
    }
    expect(snapshotDatabase(server.database)).toBe(before);
  });

  it('GET predefined_widgets names no foreign metric; a foreign project_id is 404', async () => {
    const a = attacker();
    const text = JSON.stringify((await call('GET', '/dashboards/dashboards/predefined_widgets/')).body);
    const metricIds = itemsOf(JSON.parse(text))
      .map((w) => w.metric)
      .filter((m) => typeof m === 'number');
    for (const id of a.foreign.metrics) expect(metricIds).not.toContain(id);
    for (const project of a.foreign.projects) {
      expect(
        (await call('GET', `/dashboards/dashboards/predefined_widgets/?project_id=${project}`)).status,
      ).toBe(404);
    }
  });

  it('GET /dashboards/widgets/ lists no foreign widget; a foreign dashboard_id is 404', async () => {
    const a = attacker();
    const listed = itemsOf((await call('GET', '/dashboards/widgets/?page_size=200')).body).map((w) => w.id);
    for (const id of a.foreign.widgets) expect(listed).not.toContain(id);
    for (const id of a.foreign.dashboards) {
      const result = await call('GET', `/dashboards/widgets/?dashboard_id=${id}`);
      expect(result.status, `dashboard_id=${id}`).toBe(404);
    }
  });

  it('POST /dashboards/widgets/ cannot add to a foreign dashboard or use a foreign metric', async () => {
    const a = attacker();
    const before = snapshotDatabase(server.database);
    for (const id of a.foreign.dashboards) {
      const result = await call('POST', '/dashboards/widgets/', {
        dashboard: id,
        chart_type: 'stat',
        field: '',
      });
      expect(result.status).toBe(400);
      expect(result.body).toEqual({ dashboard: [`Invalid pk "${id}" - object does not exist.`] });
    }
    for (const metric of a.foreign.metrics) {
      const result = await call('POST', '/dashboards/widgets/', {
        dashboard: a.ownDashboard,
        chart_type: 'pie',
        field: 'metric_evaluations.value',
        metric,
      });
      expect(result.status, `metric ${metric}`).toBe(400);
      expect(JSON.stringify(result.body)).not.toMatch(/"data"/);
    }
    expect(snapshotDatabase(server.database)).toBe(before);
  });

  it('POST preview_data: no foreign dashboard, metric, agent or call reaches the numbers', async () => {
    const a = attacker();
    for (const id of a.foreign.dashboards) {
      const result = await call('POST', '/dashboards/widgets/preview_data/', {
        dashboard: id,
        chart_type: 'stat',
        field: '',
      });
      expect(result.status).toBe(400);
      expect(result.body).toEqual({ dashboard: [`Invalid pk "${id}" - object does not exist.`] });
    }
    for (const metric of a.foreign.metrics) {
      const result = await call('POST', '/dashboards/widgets/preview_data/', {
        chart_type: 'pie',
        field: 'metric_evaluations.value',
        metric,
        filters: LAST_20_DAYS,
      });
      expect(result.status, `metric ${metric}`).toBe(400);
    }
    // A stat over the scope counts only the scope's calls, whatever the filter names.
    const visible = a.visibleProjects.join(',');
    const expected = z
      .object({ n: z.number() })
      .parse(
        (
          await queryAnalytics(
            server.database,
            `SELECT count(*) AS n FROM calls WHERE project_id IN (${visible}) AND ts_ms >= ?`,
            [NOW.getTime() - 20 * 86_400_000],
          )
        )[0],
      ).n;
    const total = async (filters: unknown) => {
      const result = await call('POST', '/dashboards/widgets/preview_data/', {
        chart_type: 'stat',
        field: '',
        filters,
      });
      if (result.status === 400) return null; // rejected: also no data
      expect(result.status).toBe(200);
      return z.object({ data: z.object({ total_calls: z.number() }) }).parse(result.body).data.total_calls;
    };
    expect(await total(LAST_20_DAYS)).toBe(expected);
    const and = (leaf: unknown) => ({ operator: 'and', conditions: [LAST_20_DAYS, leaf] });
    expect([0, null]).toContain(await total(and({ field: 'agent.id', op: 'in', value: a.foreign.agents })));
    expect([0, null]).toContain(await total(and({ field: 'id', op: 'in', value: a.foreign.calls })));
    expect([0, null]).toContain(
      await total(and({ field: 'metric_evaluations.metric.id', op: 'in', value: a.foreign.metrics })),
    );
  });

  it('POST bulk_data leaves foreign widgets out', async () => {
    const a = attacker();
    const result = await call('POST', '/dashboards/widgets/bulk_data/', { widget_ids: a.foreign.widgets });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ count: 0, results: [] });
  });

  it.each(['v1', 'v2'])(
    'GET %s metrics lists only visible projects; foreign project or agent is 404',
    async (version) => {
      const a = attacker();
      const listed = itemsOf((await call('GET', `/test_framework/${version}/metrics/`)).body);
      expect(listed.length).toBeGreaterThan(0);
      for (const metric of listed) expect(a.visibleProjects).toContain(metric.project);
      for (const project of a.foreign.projects) {
        expect((await call('GET', `/test_framework/${version}/metrics/?project_id=${project}`)).status).toBe(
          404,
        );
      }
      for (const agent of a.foreign.agents) {
        expect((await call('GET', `/test_framework/${version}/metrics/?agent_id=${agent}`)).status).toBe(404);
      }
    },
  );

  it('GET value-counts counts only visible calls; a foreign project_id is 404', async () => {
    const a = attacker();
    const result = await call('GET', '/studio/v1/value-counts/?field=topic&limit=100');
    expect(result.status).toBe(200);
    const counted = z
      .object({ results: z.array(z.object({ count: z.number() })) })
      .parse(result.body)
      .results.reduce((sum, r) => sum + r.count, 0);
    const visible = z.object({ n: z.number() }).parse(
      (
        await queryAnalytics(
          server.database,
          `SELECT count(*) AS n FROM calls WHERE project_id IN (${a.visibleProjects.join(',')})
           AND ts_ms >= ? AND topic IS NOT NULL AND topic <> ''`,
          [NOW.getTime() - 30 * 86_400_000],
        )
      )[0],
    ).n;
    expect(counted).toBeGreaterThan(0);
    expect(counted).toBe(visible);
    for (const project of a.foreign.projects) {
      expect((await call('GET', `/studio/v1/value-counts/?field=topic&project_id=${project}`)).status).toBe(
        404,
      );
    }
  });

  it.each(['v1', 'v2'])('GET %s call-logs shows only visible calls', async (version) => {
    const a = attacker();
    const base = `/observability/${version}/call-logs/`;
    const listed = itemsOf((await call('GET', `${base}?page_size=200`)).body).map((c) => c.id);
    expect(listed.length).toBeGreaterThan(0);
    for (const id of a.foreign.calls) expect(listed).not.toContain(id);
    for (const project of a.foreign.projects) {
      expect((await call('GET', `${base}?project_id=${project}`)).status).toBe(404);
    }
    for (const agent of a.foreign.agents.slice(0, 3)) {
      expect((await call('GET', `${base}?agent_id=${agent}`)).status).toBe(404);
    }
    const byIds = await call('GET', `${base}?call_ids=${a.foreign.calls.join(',')}`);
    expect(byIds.status).toBe(200);
    expect(itemsOf(byIds.body)).toEqual([]);
    const filtersV2 = encodeURIComponent(
      JSON.stringify({ field: 'agent.id', op: 'in', value: a.foreign.agents }),
    );
    const byFilter = await call('GET', `${base}?filters_v2=${filtersV2}`);
    expect([200, 400]).toContain(byFilter.status);
    if (byFilter.status === 200) expect(itemsOf(byFilter.body)).toEqual([]);
  });
});

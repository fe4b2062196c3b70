import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  dashboardDocumentJsonSchema,
  DashboardDocumentSchema,
  type DashboardDocument,
} from '../../contract/dashboard-document-schema.ts';
import { ImportPreviewSchema } from '../../contract/dashboard-import-schema.ts';
import { DashboardSchema } from '../../contract/dashboard-schema.ts';
import { MetricListResponseSchema } from '../../contract/metric-schema.ts';
import { callApi } from '../test-support/call-api.ts';
import { createTestServer, type TestServer } from '../test-support/create-test-server.ts';
import { snapshotDatabase } from '../test-support/snapshot-database.ts';

let server: TestServer;
let original: DashboardDocument;
beforeAll(async () => {
  server = createTestServer({ calls: 50, now: new Date('2026-08-20T12:00:00.000Z') });
  original = await exported(1);
});
afterAll(() => server.close());

async function exported(id: number): Promise<DashboardDocument> {
  const result = await callApi(server, 'GET', `/studio/dashboards/${id}/export/`);
  expect(result.status).toBe(200);
  return DashboardDocumentSchema.parse(result.body);
}
async function importing(body: Record<string, unknown>, key?: string) {
  return callApi(server, 'POST', '/studio/dashboards/import/', { body, key });
}
async function latencyOf(projectId: number | undefined): Promise<number | undefined> {
  const metrics = MetricListResponseSchema.parse(
    (await callApi(server, 'GET', `/test_framework/v1/metrics/?project_id=${projectId}`)).body,
  );
  return metrics.find((m) => m.name === 'Latency')?.id;
}

describe('export and import', () => {
  it('exports a versioned document naming the metrics it uses', () => {
    expect(original.format).toBe('widget-studio.dashboard');
    expect(original.version).toBe(1);
    expect(original.widgets).toHaveLength(7);
    expect(original.references.metrics.map((m) => m.name)).toEqual(
      expect.arrayContaining(['Latency', 'Sentiment']),
    );
  });

  it('round-trips byte for byte: export → import → export', async () => {
    const result = await importing({ document: original, project: server.projectIds[0] });
    expect(result.status).toBe(201);
    const copy = DashboardSchema.parse(result.body);
    expect(JSON.stringify(await exported(copy.id))).toBe(JSON.stringify(original));
  });

  it('imports into another project with metric ids re-mapped by name', async () => {
    const target = server.projectIds[1];
    const result = await importing({ document: original, project: target });
    expect(result.status).toBe(201);
    const copy = DashboardSchema.parse(result.body);
    expect(copy.project).toBe(target);
    const latency = copy.widgets.find((w) => w.name === 'Latency p95 per day');
    expect(latency?.metric).toBe(await latencyOf(target));
    expect(latency?.metric).not.toBe(await latencyOf(server.projectIds[0]));
    expect(latency?.metric_name).toBe('Latency');
    const again = await exported(copy.id);
    expect(again.references.metrics.map((m) => m.name)).toEqual(
      original.references.metrics.map((m) => m.name),
    );
    expect(again.widgets.map((w) => [w.name, w.chart_type, w.metadata])).toEqual(
      original.widgets.map((w) => [w.name, w.chart_type, w.metadata]),
    );
  });

  it('lists unmatched names, writes nothing, and imports once a choice is made', async () => {
    const latency = original.references.metrics.find((m) => m.name === 'Latency');
    const renamed: DashboardDocument = {
      ...original,
      references: {
        ...original.references,
        metrics: original.references.metrics.map((m) =>
          m === latency ? { ...m, name: 'Latency (old)' } : m,
        ),
      },
    };
    const before = snapshotDatabase(server.database);
    const refused = await importing({ document: renamed, project: server.projectIds[1] });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      detail:
        'Nothing was imported: 1 metric or agent name is not in this project; 1 widget is invalid here.',
      unmatched: { metrics: [{ id: latency?.id, name: 'Latency (old)' }], agents: [] },
    });
    const dryRun = await importing({ document: renamed, project: server.projectIds[1], dry_run: true });
    expect(dryRun.status).toBe(200);
    const preview = ImportPreviewSchema.parse(dryRun.body);
    expect(preview.unmatched.metrics).toEqual([{ id: latency?.id, name: 'Latency (old)' }]);
    expect(preview.widgets.filter((w) => w.errors !== null).map((w) => w.name)).toEqual([
      'Latency p95 per day',
    ]);
    expect(snapshotDatabase(server.database)).toBe(before);
    const chosen = await importing({
      document: renamed,
      project: server.projectIds[1],
      metrics: { [String(latency?.id)]: await latencyOf(server.projectIds[1]) },
    });
    expect(chosen.status).toBe(201);
  });

  it.each<[string, unknown, string]>([
    ['not a document', { hello: 'world' }, 'This is not a Widget Studio dashboard document.'],
    ['a list', [], 'This is not a Widget Studio dashboard document.'],
    [
      'a newer version',
      { format: 'widget-studio.dashboard', version: 2 },
      'This document is version 2, made by a newer Widget Studio; this one reads version 1.',
    ],
  ])('refuses %s with a clear message and writes nothing', async (_label, document, message) => {
    const before = snapshotDatabase(server.database);
    const result = await importing({ document });
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ document: [message] });
    expect(snapshotDatabase(server.database)).toBe(before);
  });

  it('names an invalid widget and writes nothing', async () => {
    const before = snapshotDatabase(server.database);
    const broken = { ...original, widgets: [{ ...original.widgets[0], chart_type: 'donut' }] };
    const result = await importing({ document: broken });
    expect(result.status).toBe(400);
    expect(z.object({ document: z.array(z.string()) }).parse(result.body).document[0]).toMatch(
      /^widgets\.0\.chart_type: /,
    );
    expect(snapshotDatabase(server.database)).toBe(before);
  });

  it('is scoped: a project-scoped key cannot export or import into another project', async () => {
    const key = server.scopedApiKey;
    expect((await callApi(server, 'GET', '/studio/dashboards/2/export/', { key })).status).toBe(404);
    const result = await importing({ document: original, project: server.projectIds[1] }, key);
    expect(result.status).toBe(400);
    expect(result.body).toEqual({
      project: [`Invalid pk "${server.projectIds[1]}" - object does not exist.`],
    });
  });

  it('publishes the JSON Schema generated from the zod schema', async () => {
    const result = await callApi(server, 'GET', '/studio/schema/dashboard-document.json', { key: null });
    expect(result.status).toBe(200);
    expect(result.body).toEqual(dashboardDocumentJsonSchema());
    expect(result.body).toMatchObject({ properties: { format: { const: 'widget-studio.dashboard' } } });
    // Widget metadata (a custom check in zod) is published as an object or null with any keys.
    expect(JSON.stringify(result.body)).toContain('"metadata":{"type":["object","null"]}');
  });
});

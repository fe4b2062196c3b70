import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { DashboardDocumentSchema } from '../src/contract/dashboard-document-schema.ts';
import { DashboardListSchema, DashboardSchema } from '../src/contract/dashboard-schema.ts';
import { MetricListResponseSchema } from '../src/contract/metric-schema.ts';
import { paginated } from '../src/contract/paginated-schema.ts';
import { apiJson, copyOfSupportOverview, dashboardsNamed } from './pages/api-json.ts';
import { dashboardPage } from './pages/dashboard-page.ts';
import { dashboardsPage } from './pages/dashboards-page.ts';
import { importDialog } from './pages/import-dialog.ts';

test.use({ reducedMotion: 'reduce' });
const WIDGET = 'Latency p95 per day';

async function screenshot(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `docs/screenshots/${name}-${scheme}.png`, animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function latencyOf(page: Page, projectId: number): Promise<number> {
  const metrics = await apiJson(
    page.request,
    'GET',
    `/test_framework/v1/metrics/?project_id=${projectId}`,
    MetricListResponseSchema,
  );
  const latency = metrics.find((m) => m.name === 'Latency');
  if (!latency) throw new Error('no Latency metric');
  return latency.id;
}

test('export a dashboard → import it into the other project with a re-mapped metric', async ({
  page,
  request,
}) => {
  const copy = await copyOfSupportOverview(request, 'Export golden path');
  const source = copy.project ?? 0;
  const list = await apiJson(request, 'GET', '/dashboards/dashboards/', paginated(DashboardListSchema));
  const target = list.results.find((d) => d.project !== null && d.project !== source)?.project;
  if (target === undefined || target === null) throw new Error('no second project');

  const dashboard = dashboardPage(page);
  await dashboard.goto(copy.id);
  await expect(dashboard.heading).toHaveText('Export golden path');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('export-golden-path.dashboard.json');
  const file = await download.path();
  const exported = DashboardDocumentSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  expect(exported.widgets).toHaveLength(7);
  // The metric the widget plots is the source project's, named so the import can find its twin.
  const sourceLatency = await latencyOf(page, source);
  expect(exported.widgets.find((w) => w.name === WIDGET)?.metric).toBe(sourceLatency);

  const dashboards = dashboardsPage(page);
  const dialog = importDialog(page);
  await dashboards.goto();
  await dialog.open.click();
  await dialog.project.selectOption(String(target));
  await dialog.file.setInputFiles(file);
  await expect(dialog.widgets).toHaveCount(7);
  // Each widget is drawn on the target project's data before anything is written.
  await expect(dialog.widget(WIDGET).locator('.recharts-bar-rectangle').first()).toBeVisible({
    timeout: 20_000,
  });
  await expect(dialog.widget('Why calls ended').locator('.recharts-pie-sector').first()).toBeVisible({
    timeout: 20_000,
  });
  await screenshot(page, 'import-dialog');
  const audit = await new AxeBuilder({ page })
    .include('dialog')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    audit.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`),
  ).toEqual([]);

  await dialog.submit.click();
  await expect(dashboard.heading).toHaveText('Export golden path');
  const id = Number(/\/dashboards\/(\d+)$/.exec(page.url())?.[1]);
  expect(id).not.toBe(copy.id);
  const imported = await apiJson(request, 'GET', `/dashboards/dashboards/${id}/`, DashboardSchema);
  expect(imported.project).toBe(target);
  const widget = imported.widgets.find((w) => w.name === WIDGET);
  const targetLatency = await latencyOf(page, target);
  expect(targetLatency).not.toBe(sourceLatency);
  expect(widget?.metric).toBe(targetLatency);
  await expect(dashboard.card(WIDGET).locator('.recharts-bar-rectangle').first()).toBeVisible({
    timeout: 20_000,
  });
});

test('a metric the project names differently is chosen by hand before the import', async ({
  page,
  request,
}) => {
  const copy = await copyOfSupportOverview(request, 'Renamed metric');
  const exported = await apiJson(
    request,
    'GET',
    `/studio/dashboards/${copy.id}/export/`,
    DashboardDocumentSchema,
  );
  // As if the source project called it "Response latency".
  const renamed = {
    ...exported,
    references: {
      ...exported.references,
      metrics: exported.references.metrics.map((m) =>
        m.name === 'Latency' ? { ...m, name: 'Response latency' } : m,
      ),
    },
  };
  const dialog = importDialog(page);
  await dashboardsPage(page).goto();
  await dialog.open.click();
  await dialog.project.selectOption(String(copy.project));
  await dialog.file.setInputFiles({
    name: 'renamed.dashboard.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(renamed)),
  });
  await expect(dialog.choice('Response latency')).toBeVisible();
  await expect(dialog.submit).toBeDisabled();
  await dialog.choice('Response latency').selectOption({ label: 'Latency' });
  await expect(dialog.widget(WIDGET).locator('.recharts-bar-rectangle').first()).toBeVisible({
    timeout: 20_000,
  });
  await expect(dialog.submit).toBeEnabled();
  await dialog.submit.click();
  await expect(dashboardPage(page).heading).toHaveText('Renamed metric');
  const id = Number(/\/dashboards\/(\d+)$/.exec(page.url())?.[1]);
  const imported = await apiJson(request, 'GET', `/dashboards/dashboards/${id}/`, DashboardSchema);
  expect(imported.widgets.find((w) => w.name === WIDGET)?.metric).toBe(
    await latencyOf(page, copy.project ?? 0),
  );
});

test('a bad file shows the server’s message inline and writes nothing', async ({ page, request }) => {
  const copy = await copyOfSupportOverview(request, 'Bad files');
  const exported = await apiJson(
    request,
    'GET',
    `/studio/dashboards/${copy.id}/export/`,
    DashboardDocumentSchema,
  );
  const dialog = importDialog(page);
  await dashboardsPage(page).goto();
  await dialog.open.click();
  const cases: [string, string, RegExp][] = [
    ['notes.txt', 'this is not JSON', /This is not a Widget Studio dashboard document\./],
    ['other.json', '{"hello": "world"}', /This is not a Widget Studio dashboard document\./],
    [
      'newer.json',
      JSON.stringify({ ...exported, version: 2 }),
      /This document is version 2, made by a newer Widget Studio; this one reads version 1\./,
    ],
    [
      'broken.json',
      JSON.stringify({ ...exported, widgets: [{ ...exported.widgets[0], chart_type: 'donut' }] }),
      /widgets\.0\.chart_type: /,
    ],
  ];
  for (const [name, text, message] of cases) {
    await dialog.file.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(dialog.problem).toContainText(message);
    await expect(dialog.submit).toHaveCount(0);
    if (name === 'newer.json') await screenshot(page, 'import-dialog-error');
  }
  // Nothing imported: an import takes the document's name, and the only "Bad files" is the copy. (Not
  // the total count: specs running beside this one add dashboards.)
  expect((await dashboardsNamed(request, copy.name ?? '')).map((d) => d.id)).toEqual([copy.id]);
});

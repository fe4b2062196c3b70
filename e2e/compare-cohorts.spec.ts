import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import * as z from 'zod';
import { DashboardListSchema, DashboardSchema } from '../src/contract/dashboard-schema.ts';
import { paginated } from '../src/contract/paginated-schema.ts';
import { WidgetSchema } from '../src/contract/widget-schema.ts';
import { E2E_API_KEY } from '../playwright.config.ts';
import { coloursSettled } from './pages/colours-settled.ts';
import { dashboardPage } from './pages/dashboard-page.ts';
import { widgetEditorPage } from './pages/widget-editor-page.ts';

const headers = { 'X-CEKURA-API-KEY': E2E_API_KEY };
test.use({ reducedMotion: 'reduce', viewport: { width: 1400, height: 1100 } });

async function apiJson<T>(
  request: APIRequestContext,
  method: string,
  path: string,
  schema: z.ZodType<T>,
  data?: unknown,
) {
  const response = await request.fetch(path, { method, headers, data });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return schema.parse(await response.json());
}

const region = (value: string) => ({ field: 'metadata.region', op: 'eq', value });
const EU_VS_US = {
  mode: 'cohorts',
  cohorts: [
    { label: 'EU', filters: region('EU') },
    { label: 'US', filters: region('US') },
  ],
};
const PREVIOUS = { mode: 'previous', offset: 'period' };

/** A dashboard over the last 7 days whose six cards are all compared: periods, groups and cohorts. */
async function comparedDashboard(request: APIRequestContext) {
  const list = await apiJson(request, 'GET', '/dashboards/dashboards/', paginated(DashboardListSchema));
  const project = list.results.find((d) => d.name === 'Support overview')?.project;
  if (project == null) throw new Error('sample dashboard missing');
  const dashboard = await apiJson(request, 'POST', '/dashboards/dashboards/', DashboardSchema, {
    name: `Cohorts ${Date.now()}`,
    project,
    filters: { operator: 'and', conditions: [{ field: 'timestamp', op: 'gte', value: 'now-7d' }] },
  });
  const daily = { aggregation_function: 'avg', time_period: 'day' };
  const widgets = [
    {
      name: 'Duration by cohort',
      chart_type: 'bar',
      field: 'duration',
      ...daily,
      compare: EU_VS_US,
      at: [0, 0, 6],
    },
    { name: 'Stat by cohort', chart_type: 'stat', field: '', compare: EU_VS_US, at: [6, 0, 6] },
    {
      name: 'Calls by region, compared',
      chart_type: 'bar',
      field: 'call_ended_reason',
      aggregation_function: 'count',
      time_period: 'day',
      group_by: { type: 'field', field: 'metadata.region' },
      compare: PREVIOUS,
      at: [0, 4, 6],
    },
    {
      name: 'Duration line by cohort',
      chart_type: 'line',
      field: 'duration',
      group_by: { type: 'bucket', interval: 86_400_000 },
      aggregation_function: 'avg',
      compare: EU_VS_US,
      at: [6, 4, 6],
    },
    { name: 'Stat compared', chart_type: 'stat', field: '', compare: PREVIOUS, at: [0, 8, 6] },
    {
      name: 'Duration day on day',
      chart_type: 'bar',
      field: 'duration',
      ...daily,
      compare: { mode: 'previous', offset: '1d' },
      at: [6, 8, 6],
    },
  ];
  const ids: Record<string, number> = {};
  for (const { at, compare, ...widget } of widgets) {
    const [x = 0, y = 0, w = 6] = at;
    const created = await apiJson(request, 'POST', '/dashboards/widgets/', WidgetSchema, {
      ...widget,
      dashboard: dashboard.id,
      metadata: { layout: { x, y, w, h: 4 }, compare, kept: 'unknown keys stay' },
    });
    ids[widget.name] = created.id;
  }
  return { dashboard, ids };
}

async function axeClean(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  // Right after the colour scheme changes, buttons fade to their new colours: read the settled page.
  await coloursSettled(page);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test('a compared dashboard: cohorts side by side, twins per group, all in at most 3 requests', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const { dashboard } = await comparedDashboard(request);
  const board = dashboardPage(page);
  const dataRequests: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (/\/(bulk_data|preview_data|data)\/(\?|$)/.test(url)) dataRequests.push(url);
  });
  await board.goto(dashboard.id);

  const cohortBar = board.card('Duration by cohort');
  await expect(cohortBar.getByText('Cohorts: EU, US')).toBeVisible();
  await expect(cohortBar.locator('.recharts-legend-item-text')).toHaveText(['EU', 'US']);
  await expect(cohortBar.getByTestId('chart-insights')).toHaveText(/EU averages .*; US averages /);

  const cohortStat = board.card('Stat by cohort');
  await expect(cohortStat.getByText('EU, compared with US')).toBeVisible();
  await expect(cohortStat.locator('[data-stat="total_calls"] [data-stat-change]')).toHaveText(
    /(up|down|unchanged).*vs US [\d,]+/,
  );

  const grouped = board.card('Calls by region, compared');
  await expect(grouped.locator('.recharts-legend-item-text')).toContainText(['EU', 'EU (earlier)']);
  await expect(grouped.getByTestId('uncompared-groups')).toHaveText(
    /Compared for the first 4 groups; \d+ more (is|are) drawn without the earlier window\./,
  );
  await expect(board.card('Duration line by cohort').locator('.recharts-legend-item-text')).toHaveText([
    'EU',
    'US',
  ]);
  await expect(board.card('Stat compared').getByText(/Compared with the previous 7 days/)).toBeVisible();
  await expect(board.card('Duration day on day').getByText(/Compared with 1 day earlier/)).toBeVisible();
  await page.waitForLoadState('networkidle');

  // Six compared cards: the dashboard's data and every twin and cohort, not 1 + one per card.
  expect(dataRequests.length, dataRequests.join('\n')).toBeLessThanOrEqual(3);
  expect(dataRequests.filter((u) => u.includes('/preview_data/'))).toEqual([]);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await axeClean(page);
    await cohortBar.screenshot({ path: `docs/screenshots/compare-cohorts-bar-${scheme}.png` });
    await cohortStat.screenshot({ path: `docs/screenshots/compare-cohorts-stat-${scheme}.png` });
    await grouped.screenshot({ path: `docs/screenshots/compare-grouped-twins-${scheme}.png` });
  }
});

test('the editor builds cohorts with names and filters, by keyboard, and keeps unknown keys', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const { dashboard, ids } = await comparedDashboard(request);
  const editor = widgetEditorPage(page);
  await editor.gotoWidget(dashboard.id, ids['Stat compared'] ?? 0);
  const compare = page.getByLabel('Compare with earlier data');
  await compare.focus();
  await compare.selectOption('cohorts');
  const name1 = page.getByLabel('Name of cohort 1');
  await expect(name1).toHaveValue('Cohort A');
  await name1.fill('');
  await expect(page.getByText('Name this cohort.')).toBeVisible();
  await name1.fill('Everyone');
  await page.getByLabel('Name of cohort 2').fill('Other');
  await expect(
    page.getByRole('group', { name: 'Filters of cohort 1' }).or(page.getByText('Filters of cohort 1')),
  ).toBeVisible();
  const preview = page.getByTestId('editor-preview');
  await expect(preview.getByText('Everyone, compared with Other')).toBeVisible();
  await page.getByRole('button', { name: 'Add cohort' }).click();
  await expect(page.getByLabel('Name of cohort 3')).toHaveValue('Cohort C');
  await page.getByRole('button', { name: 'Remove cohort 3' }).click();
  await editor.save.click();
  await expect(editor.allSaved).toBeVisible();
  const saved = await apiJson(request, 'GET', `/dashboards/widgets/${ids['Stat compared']}/`, WidgetSchema);
  expect(saved.metadata).toMatchObject({
    kept: 'unknown keys stay',
    compare: {
      mode: 'cohorts',
      cohorts: [
        { label: 'Everyone', filters: null },
        { label: 'Other', filters: null },
      ],
    },
  });

  // The cohort bar's editor: its filters are in the builders; the preview draws one series per cohort.
  await editor.gotoWidget(dashboard.id, ids['Duration by cohort'] ?? 0);
  await expect(page.getByLabel('Name of cohort 2')).toHaveValue('US');
  await expect(preview.locator('.recharts-legend-item-text')).toHaveText(['EU', 'US']);
  const section = page.getByTestId('cohort').first();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await axeClean(page);
    await section.screenshot({ path: `docs/screenshots/compare-cohorts-editor-${scheme}.png` });
    await preview.screenshot({ path: `docs/screenshots/compare-cohorts-preview-${scheme}.png` });
  }
});

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import * as z from 'zod';
import { DashboardListSchema, DashboardSchema } from '../src/contract/dashboard-schema.ts';
import { MetricListResponseSchema } from '../src/contract/metric-schema.ts';
import { paginated } from '../src/contract/paginated-schema.ts';
import { WidgetSchema } from '../src/contract/widget-schema.ts';
import { E2E_API_KEY } from '../playwright.config.ts';
import { coloursSettled } from './pages/colours-settled.ts';
import { dashboardPage } from './pages/dashboard-page.ts';
import { widgetEditorPage } from './pages/widget-editor-page.ts';

const headers = { 'X-CEKURA-API-KEY': E2E_API_KEY };
test.use({ reducedMotion: 'reduce', viewport: { width: 1400, height: 1000 } });

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

/** A dashboard over the last 7 days with a line, a stat and a latency bar, none compared yet. */
async function insightsDashboard(request: APIRequestContext) {
  const list = await apiJson(request, 'GET', '/dashboards/dashboards/', paginated(DashboardListSchema));
  const project = list.results.find((d) => d.name === 'Support overview')?.project;
  if (project == null) throw new Error('sample dashboard missing');
  const metrics = await apiJson(
    request,
    'GET',
    `/test_framework/v1/metrics/?project_id=${project}`,
    MetricListResponseSchema,
  );
  const latency = metrics.find((m) => m.slug === 'latency');
  if (!latency) throw new Error('latency metric missing');
  const dashboard = await apiJson(request, 'POST', '/dashboards/dashboards/', DashboardSchema, {
    name: `Compare and thresholds ${Date.now()}`,
    project,
    filters: { operator: 'and', conditions: [{ field: 'timestamp', op: 'gte', value: 'now-7d' }] },
  });
  const widgets = [
    {
      name: 'Average duration',
      chart_type: 'line',
      field: 'duration',
      group_by: { type: 'bucket', interval: 86_400_000 },
      aggregation_function: 'avg',
      layout: { x: 0, y: 0, w: 6, h: 4 },
    },
    { name: 'Call summary', chart_type: 'stat', field: '', layout: { x: 6, y: 0, w: 6, h: 4 } },
    {
      name: 'Latency p95 per day',
      chart_type: 'bar',
      field: 'metric_evaluations.value',
      metric: latency.id,
      aggregation_function: 'p95',
      time_period: 'day',
      layout: { x: 0, y: 4, w: 12, h: 4 },
    },
  ];
  const ids: Record<string, number> = {};
  for (const { layout, ...widget } of widgets) {
    const created = await apiJson(request, 'POST', '/dashboards/widgets/', WidgetSchema, {
      ...widget,
      dashboard: dashboard.id,
      metadata: { layout },
    });
    ids[widget.name] = created.id;
  }
  return { dashboard, ids };
}

async function compareWithPreviousPeriod(page: Page, dashboardId: number, widgetId: number) {
  const editor = widgetEditorPage(page);
  await editor.gotoWidget(dashboardId, widgetId);
  await page.getByLabel('Compare with earlier data').selectOption('period');
  await expect(
    page.getByTestId('editor-preview').getByText(/Compared with the previous 7 days/),
  ).toBeVisible();
  await editor.save.click();
  await expect(editor.allSaved).toBeVisible();
}

async function axeClean(page: Page) {
  // Settled first: a button dimmed while data refreshes is not what a reader meets.
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  // And no colour still on its way: right after the colour scheme changes, buttons fade to their new
  // colours (transition-colors), and a contrast read mid-fade is not what a reader meets either.
  await coloursSettled(page);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test('compare with the previous period, thresholds, and the alert backtest', async ({ page, request }) => {
  test.setTimeout(120_000);
  const { dashboard, ids } = await insightsDashboard(request);
  const board = dashboardPage(page);
  const editor = widgetEditorPage(page);

  // A line and a stat compared with the previous period, through the editor.
  await compareWithPreviousPeriod(page, dashboard.id, ids['Average duration'] ?? 0);
  await compareWithPreviousPeriod(page, dashboard.id, ids['Call summary'] ?? 0);

  // A threshold on the bar: a wrong value is an inline error; a right one redraws without a request.
  await editor.gotoWidget(dashboard.id, ids['Latency p95 per day'] ?? 0);
  await expect(page.getByTestId('editor-preview').locator('svg.recharts-surface')).toBeVisible();
  let previews = 0;
  page.on('request', (r) => {
    if (r.url().includes('/preview_data/')) previews += 1;
  });
  await page.getByRole('button', { name: 'Add threshold' }).click();
  const value = page.getByLabel('Value', { exact: true });
  await value.fill('fast');
  await expect(page.getByText('The value must be a number.')).toBeVisible();
  await value.fill('1500');
  await page.getByLabel('Label', { exact: true }).fill('SLO');
  await expect(
    page.getByTestId('editor-preview').locator('.recharts-reference-line-line').first(),
  ).toBeAttached();
  await expect(page.getByTestId('editor-preview').getByText('SLO', { exact: true })).toBeVisible();
  expect(previews).toBe(0);
  await editor.save.click();
  await expect(editor.allSaved).toBeVisible();

  // The dashboard: the compared line and stat say what they compare with, in words and in text.
  await board.goto(dashboard.id);
  const line = board.card('Average duration');
  await expect(line.getByText(/Compared with the previous 7 days \(/)).toBeVisible();
  await expect(line.getByTestId('chart-insights')).toHaveText(
    /averages .*(up|down|unchanged).* the previous 7 days/,
  );
  const stat = board.card('Call summary');
  await expect(stat.locator('[data-stat="total_calls"] [data-stat-change]')).toHaveText(
    /(up|down|unchanged).*was [\d,]+/,
  );
  const bar = board.card('Latency p95 per day');
  await expect(bar.getByTestId('chart-insights')).toHaveText(/above 1,500.* \(SLO\) on \d+ of \d+ buckets/);
  await expect(bar.locator('.recharts-reference-line-line').first()).toBeAttached();

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await axeClean(page);
    await line.screenshot({ path: `docs/screenshots/compare-line-${scheme}.png` });
    await stat.screenshot({ path: `docs/screenshots/compare-stat-${scheme}.png` });
    await bar.screenshot({ path: `docs/screenshots/thresholds-bar-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // The alert backtest from the card menu: every firing marked, with the count and the JSON.
  await page.getByRole('button', { name: 'Actions for Latency p95 per day' }).click();
  await page.getByRole('menuitem', { name: 'Create alert on this metric' }).click();
  const drawer = page.getByRole('dialog', { name: 'Create alert on Latency p95 per day' });
  await drawer.getByLabel('Threshold value').fill('1500');
  await drawer.getByLabel('Min breaches').fill('2');
  await drawer.getByLabel('Of the last (calls)').fill('5');
  await expect(drawer.getByTestId('backtest-count')).toHaveText(
    /This alert would have fired \d+ times? in the last \d+ days \([\d,]+ evaluations\)\./,
  );
  await expect(drawer.getByText('"min_breaches": 2')).toBeVisible();
  await expect(drawer.getByText('Create the alert in Cekura’s app')).toBeVisible();
  await expect(drawer.getByRole('link', { name: 'Cekura’s documentation' })).toHaveAttribute(
    'href',
    'https://docs.cekura.ai/',
  );
  await expect(drawer.locator('.recharts-reference-line-line').first()).toBeAttached();
  await drawer.getByLabel('Min breaches').fill('9');
  await expect(drawer.getByText('Min breaches cannot exceed the window size.')).toBeVisible();
  await drawer.getByLabel('Min breaches').fill('2');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(drawer.getByTestId('backtest-count')).toHaveText(/would have fired/);
    await axeClean(page);
    await drawer.screenshot({ path: `docs/screenshots/alert-backtest-drawer-${scheme}.png` });
  }
});

import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import * as z from 'zod';
import { DashboardListSchema, DashboardSchema } from '../src/contract/dashboard-schema.ts';
import { paginated } from '../src/contract/paginated-schema.ts';
import { WidgetSchema } from '../src/contract/widget-schema.ts';
import { E2E_API_KEY } from '../playwright.config.ts';
import { dashboardPage } from './pages/dashboard-page.ts';

const headers = { 'X-CEKURA-API-KEY': E2E_API_KEY };
test.use({ reducedMotion: 'reduce' });

async function apiJson<T>(
  request: APIRequestContext,
  method: string,
  path: string,
  schema: z.ZodType<T>,
  data?: unknown,
): Promise<T> {
  const response = await request.fetch(path, { method, headers, data });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return schema.parse(await response.json());
}

const SAMPLES = [
  { name: 'Support overview', slug: 'support' },
  { name: 'Sales performance', slug: 'sales' },
] as const;

async function projectOf(request: APIRequestContext, name: string): Promise<number> {
  const list = await apiJson(request, 'GET', '/dashboards/dashboards/', paginated(DashboardListSchema));
  const project = list.results.find((d) => d.name === name)?.project;
  if (project == null) throw new Error(`sample dashboard ${name} missing`);
  return project;
}

/** A dashboard of small cards that stress the drawing: pies with long legends and a success rate. */
async function chartDashboard(request: APIRequestContext, project: number, name: string) {
  const dashboard = await apiJson(request, 'POST', '/dashboards/dashboards/', DashboardSchema, {
    name,
    project,
    filters: {
      operator: 'and',
      conditions: [
        { field: 'timestamp', op: 'gte', value: 'now-7d' },
        { field: 'timestamp', op: 'lte', value: 'now' },
      ],
    },
  });
  const widgets = [
    {
      name: 'Why calls ended',
      chart_type: 'pie',
      field: 'call_ended_reason',
      layout: { x: 0, y: 0, w: 3, h: 3 },
    },
    {
      name: 'Drop-off points',
      chart_type: 'pie',
      field: 'dropoff_point',
      layout: { x: 3, y: 0, w: 4, h: 3 },
    },
    {
      name: 'Success rate per day',
      chart_type: 'bar',
      field: 'success',
      aggregation_function: 'avg',
      time_period: 'day',
      layout: { x: 7, y: 0, w: 5, h: 3 },
    },
  ];
  for (const { layout, ...widget } of widgets) {
    await apiJson(request, 'POST', '/dashboards/widgets/', WidgetSchema, {
      ...widget,
      dashboard: dashboard.id,
      metadata: { layout },
    });
  }
  return dashboard;
}

async function waitForCharts(page: Page) {
  const cards = page.locator('article[data-widget-id]');
  await expect(cards.first()).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('article[data-widget-id][data-status="loading"]')).toHaveCount(0, {
    timeout: 20_000,
  });
  await expect(page.locator('.recharts-pie-sector, .recharts-bar-rectangle').first()).toBeVisible();
}

async function expectInside(inner: Locator, outer: Locator, what: string) {
  const box = await outer.boundingBox();
  if (!box) throw new Error('no outer box');
  for (const element of await inner.all()) {
    const b = await element.boundingBox();
    if (!b) continue;
    expect(b.x, `${what} left`).toBeGreaterThanOrEqual(box.x - 0.5);
    expect(b.y, `${what} top`).toBeGreaterThanOrEqual(box.y - 0.5);
    expect(b.x + b.width, `${what} right`).toBeLessThanOrEqual(box.x + box.width + 0.5);
    expect(b.y + b.height, `${what} bottom`).toBeLessThanOrEqual(box.y + box.height + 0.5);
  }
}

for (const sample of SAMPLES) {
  test(`pie labels and long legends stay inside their cards; a success rate reads in percent (${sample.slug})`, async ({
    page,
    request,
  }) => {
    const project = await projectOf(request, sample.name);
    const created = await chartDashboard(request, project, `Chart display ${sample.slug}`);
    const dashboard = dashboardPage(page);
    await dashboard.goto(created.id);
    await waitForCharts(page);

    for (const name of ['Why calls ended', 'Drop-off points']) {
      const card = dashboard.card(name);
      await expectInside(
        card.locator('.recharts-pie-labels text, .recharts-pie-label-text'),
        card,
        `${name} label`,
      );
      const legend = card.getByRole('group', { name: 'Legend' });
      const last = legend.locator('.recharts-legend-item').last();
      await last.scrollIntoViewIfNeeded();
      await expectInside(last, card, `${name} last legend entry`);
    }

    const rate = dashboard.card('Success rate per day');
    await expect(rate.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')).toHaveText([
      '0%',
      '25%',
      '50%',
      '75%',
      '100%',
    ]);
    await rate.locator('.recharts-bar-rectangle').first().hover();
    await expect(rate.getByText(/^\d{1,3}(\.\d)?%$/).first()).toBeVisible();

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator('.react-grid-layout').screenshot({
        path: `docs/screenshots/dashboard-charts-${sample.slug}-${scheme}.png`,
        animations: 'disabled',
      });
    }
  });
}

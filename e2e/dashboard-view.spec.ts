import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import * as z from 'zod';
import { DashboardListSchema, DashboardSchema } from '../src/contract/dashboard-schema.ts';
import { MetricListResponseSchema } from '../src/contract/metric-schema.ts';
import { paginated } from '../src/contract/paginated-schema.ts';
import { WidgetLayoutSchema, WidgetSchema } from '../src/contract/widget-schema.ts';
import { E2E_API_KEY } from '../playwright.config.ts';
import { appShell } from './pages/app-shell.ts';
import { dashboardPage } from './pages/dashboard-page.ts';
import { filterBuilder } from './pages/filter-builder.ts';

const headers = { 'X-CEKURA-API-KEY': E2E_API_KEY };
// Charts draw without animation (as for a viewer who prefers reduced motion): stable screenshots.
test.use({ reducedMotion: 'reduce' });
const SAMPLE = 'Support overview';

type ApiDashboard = z.infer<typeof DashboardSchema>;

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

const DashboardPageSchema = paginated(DashboardListSchema);

async function sampleDashboard(request: APIRequestContext): Promise<ApiDashboard> {
  const list = await apiJson(request, 'GET', '/dashboards/dashboards/', DashboardPageSchema);
  const sample = list.results.find((d) => d.name === SAMPLE);
  if (!sample) throw new Error('sample dashboard missing');
  return apiJson(request, 'GET', `/dashboards/dashboards/${sample.id}/`, DashboardSchema);
}

function layoutOf(dashboard: ApiDashboard, widgetId: number) {
  const metadata = dashboard.widgets.find((w) => w.id === widgetId)?.metadata;
  return WidgetLayoutSchema.parse(metadata?.layout);
}

/** A private copy of the sample dashboard, so that tests that write never disturb each other. */
async function copyOfSample(request: APIRequestContext, name: string): Promise<ApiDashboard> {
  const sample = await sampleDashboard(request);
  return apiJson(request, 'POST', `/dashboards/dashboards/${sample.id}/duplicate/`, DashboardSchema, {
    name,
  });
}

/** Every card has its data and has drawn it: an SVG series (line, bar or pie), the stat figures, or its error. */
async function waitForAllChartsPainted(page: Page) {
  const cards = page.locator('article[data-widget-id]');
  await expect(cards.first()).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('article[data-widget-id][data-status="loading"]')).toHaveCount(0, {
    timeout: 20_000,
  });
  for (const card of await cards.all()) {
    if ((await card.getAttribute('data-status')) === 'error') continue;
    await expect(
      card
        .locator('[data-stat], .recharts-line-curve, .recharts-bar-rectangle, .recharts-pie-sector')
        .first(),
    ).toBeVisible();
  }
}

async function screenshot(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `docs/screenshots/${name}-${scheme}.png`, animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('the sample dashboard draws every chart from ONE bulk_data request', async ({ page, request }) => {
  const sample = await sampleDashboard(request);
  const dashboard = dashboardPage(page);
  const apiRequests: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'fetch' || r.resourceType() === 'xhr') {
      apiRequests.push(`${r.method()} ${new URL(r.url()).pathname}`);
    }
  });
  await page.goto(`/dashboards/${sample.id}`);
  await waitForAllChartsPainted(page);
  const paintedMs = await page.evaluate(() => performance.now());

  await expect(dashboard.heading).toHaveText(SAMPLE);
  await expect(dashboard.cards).toHaveCount(sample.widgets.length);
  for (const widget of sample.widgets) {
    const name = widget.name ?? '';
    await expect(dashboard.card(name)).toHaveAttribute('data-status', 'ready');
  }
  // Every chart type drawn: line, bar and pie as SVG; the stat card as four figures.
  await expect(dashboard.chartSurface('Call duration').locator('.recharts-line-curve').first()).toBeVisible();
  await expect(
    dashboard.chartSurface('Why calls ended').locator('.recharts-pie-sector').first(),
  ).toBeVisible();
  await expect(
    dashboard.chartSurface('Latency p95 per day').locator('.recharts-bar-rectangle').first(),
  ).toBeVisible();
  await expect(
    dashboard.card('Success rate by agent').locator('.recharts-legend-item').first(),
  ).toBeVisible();
  await expect(dashboard.statFigure('Call summary', 'total_calls')).toHaveText(/^\d[\d,]*$/);
  await expect(dashboard.statFigure('Call summary', 'success_rate')).toHaveText(/%$/);
  await expect(dashboard.statFigure('Call summary', 'avg_duration')).toHaveText(/ s$/);
  await expect(dashboard.statFigure('Call summary', 'p95_latency')).toHaveText(/ ms$|^—$/);

  const bulk = apiRequests.filter((r) => r === 'POST /dashboards/widgets/bulk_data/');
  expect(bulk).toHaveLength(1);
  expect(apiRequests.filter((r) => /\/widgets\/\d+\/data\/$/.test(r))).toHaveLength(0);
  console.info(
    `MEASURED dashboard load: ${apiRequests.length} API requests (${apiRequests.join(', ')}); ` +
      `navigation → all ${sample.widgets.length} charts painted: ${Math.round(paintedMs)} ms`,
  );
  test
    .info()
    .annotations.push(
      { type: 'api-requests', description: String(apiRequests.length) },
      { type: 'render-ms', description: String(Math.round(paintedMs)) },
    );
  await expect(dashboard.updatedAgo).toHaveText(/^Updated/);
  await screenshot(page, 'dashboard-view');

  // A click on a bar opens the calls behind it.
  await dashboard.chartSurface('Latency p95 per day').locator('.recharts-bar-rectangle').first().click();
  await expect(dashboard.callsPanel).toBeVisible();
  await expect(dashboard.callsCount).toHaveText(/^[\d,]+ calls?$/);
  await expect(dashboard.callsPanel.getByRole('row').nth(1)).toBeVisible();
  await screenshot(page, 'dashboard-calls-panel');
  await dashboard.callsPanel.getByRole('button', { name: 'Close calls panel' }).click();
  await expect(dashboard.callsPanel).toBeHidden();
});

test('changing the date range saves it and changes the data', async ({ page, request }) => {
  const copy = await copyOfSample(request, 'Date range test');
  const dashboard = dashboardPage(page);
  await dashboard.goto(copy.id);
  await waitForAllChartsPainted(page);
  // The sample stores the guide's `today-7d`: from midnight UTC, not the rolling "Last 7 days".
  await expect(dashboard.dateRange.locator('option:checked')).toHaveText('Last 7 days (from midnight UTC)');
  const before = await dashboard.statFigure('Call summary', 'total_calls').innerText();

  const patched = page.waitForResponse(
    (r) => r.request().method() === 'PATCH' && r.url().includes(`/dashboards/${copy.id}/`),
  );
  const refetched = page.waitForResponse((r) => r.url().includes('/bulk_data/'));
  await dashboard.dateRange.selectOption({ label: 'Last 24 hours' });
  expect((await patched).status()).toBe(200);
  await refetched;
  await expect(dashboard.statFigure('Call summary', 'total_calls')).not.toHaveText(before);
  const after = Number(
    (await dashboard.statFigure('Call summary', 'total_calls').innerText()).replace(/,/g, ''),
  );
  expect(after).toBeLessThan(Number(before.replace(/,/g, '')));

  const saved = await apiJson(request, 'GET', `/dashboards/dashboards/${copy.id}/`, DashboardSchema);
  expect(saved.filters).toEqual({
    operator: 'and',
    conditions: [
      { field: 'timestamp', op: 'gte', value: 'now-24h' },
      { field: 'timestamp', op: 'lte', value: 'now' },
    ],
  });
  await page.reload();
  await expect(dashboard.dateRange).toHaveValue('24h');

  // The other dashboard filters are edited with the filter builder (loaded on first open).
  await page.getByRole('button', { name: 'Edit dashboard filters' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit dashboard filters' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save filters' })).toBeVisible();
  await screenshot(page, 'dashboard-filters-dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('edit layout: drag and resize, save, reload: positions and unknown metadata kept', async ({
  page,
  request,
}) => {
  const copy = await copyOfSample(request, 'Layout test');
  const summary = copy.widgets.find((w) => w.name === 'Call summary')!;
  const pie = copy.widgets.find((w) => w.name === 'Why calls ended')!;
  // Metadata keys that belong to someone else (D14) must survive our layout save.
  await apiJson(request, 'PATCH', `/dashboards/widgets/${summary.id}/`, WidgetSchema, {
    metadata: { ...summary.metadata, cekura_web: { pinned: true }, note: 'keep me' },
  });
  const dashboard = dashboardPage(page);
  await dashboard.goto(copy.id, { edit: true });
  await waitForAllChartsPainted(page);
  await screenshot(page, 'dashboard-edit-mode');

  // Drag "Call summary" by its handle to the right, across the bar chart beside it.
  const handle = await dashboard.dragHandle('Call summary').boundingBox();
  if (!handle) throw new Error('no drag handle');
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 12; step += 1) {
    await page.mouse.move(handle.x + handle.width / 2 + step * 55, handle.y + handle.height / 2 + step * 2);
  }
  await page.mouse.up();

  // Resize "Why calls ended" from its bottom-right corner.
  await dashboard.resizeHandle('Why calls ended').scrollIntoViewIfNeeded();
  const corner = await dashboard.resizeHandle('Why calls ended').boundingBox();
  if (!corner) throw new Error('no resize handle');
  await page.mouse.move(corner.x + corner.width / 2, corner.y + corner.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 8; step += 1) {
    await page.mouse.move(corner.x + corner.width / 2 + step * 25, corner.y + corner.height / 2 + step * 15);
  }
  await page.mouse.up();

  await expect(page.getByText(/cards? changed/)).toBeVisible();
  const writes: string[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET' && !r.url().includes('/bulk_data/'))
      writes.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  const saved = page.waitForResponse((r) => r.url().includes('/bulk_widgets/'));
  await dashboard.saveLayout.click();
  expect((await saved).status()).toBe(200);
  await expect(dashboard.editLayout).toBeVisible();
  expect(writes).toEqual([`POST /dashboards/dashboards/${copy.id}/bulk_widgets/`]);

  const after = await apiJson(request, 'GET', `/dashboards/dashboards/${copy.id}/`, DashboardSchema);
  const summaryBefore = layoutOf(copy, summary.id);
  const pieBefore = layoutOf(copy, pie.id);
  const summaryAfter = layoutOf(after, summary.id);
  const pieAfter = layoutOf(after, pie.id);
  expect(summaryAfter.x).toBeGreaterThan(summaryBefore.x);
  expect(pieAfter.w * pieAfter.h).toBeGreaterThan(pieBefore.w * pieBefore.h);
  expect(after.widgets.find((w) => w.id === summary.id)?.metadata).toMatchObject({
    cekura_web: { pinned: true },
    note: 'keep me',
    layout: summaryAfter,
  });

  const boxBefore = await dashboard.gridItem('Call summary').boundingBox();
  await page.reload();
  await waitForAllChartsPainted(page);
  const boxAfter = await dashboard.gridItem('Call summary').boundingBox();
  expect(boxAfter).toEqual(boxBefore);
  const reloaded = await apiJson(request, 'GET', `/dashboards/dashboards/${copy.id}/`, DashboardSchema);
  expect(layoutOf(reloaded, summary.id)).toEqual(summaryAfter);
});

test('edit layout: a card dropped on another swaps with it, nothing else moves, and the count says so', async ({
  page,
  request,
}) => {
  const sample = await sampleDashboard(request);
  const created = await apiJson(request, 'POST', '/dashboards/dashboards/', DashboardSchema, {
    name: 'Swap test',
    project: sample.project,
    filters: { operator: 'and', conditions: [{ field: 'timestamp', op: 'gte', value: 'now-7d' }] },
  });
  // A | B on the first row, C | D on the second, E alone on the third.
  const places = { A: [0, 0], B: [6, 0], C: [0, 3], D: [6, 3], E: [0, 6] } as const;
  const ids: Record<string, number> = {};
  for (const [name, [x, y]] of Object.entries(places)) {
    const widget = await apiJson(request, 'POST', '/dashboards/widgets/', WidgetSchema, {
      dashboard: created.id,
      name: `Card ${name}`,
      chart_type: 'stat',
      field: '',
      metadata: { layout: { x, y, w: 6, h: 3 } },
    });
    ids[name] = widget.id;
  }
  const dashboard = dashboardPage(page);
  await dashboard.goto(created.id, { edit: true });
  await waitForAllChartsPainted(page);
  const boxes = async () =>
    Object.fromEntries(
      await Promise.all(
        Object.keys(places).map(async (name) => [
          name,
          await dashboard.gridItem(`Card ${name}`).boundingBox(),
        ]),
      ),
    ) as Record<string, { x: number; y: number } | null>;
  const before = await boxes();

  // Drag E by its handle so that its top-left corner lands on B's.
  const handle = await dashboard.dragHandle('Card E').boundingBox();
  const from = before.E;
  const to = before.B;
  if (!handle || !from || !to) throw new Error('no boxes');
  const grab = { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  for (let step = 1; step <= 15; step += 1) {
    await page.mouse.move(grab.x + ((to.x - from.x) * step) / 15, grab.y + ((to.y - from.y) * step) / 15);
  }
  await page.mouse.up();

  await expect(page.getByText('2 cards moved')).toBeVisible();
  await expect.poll(async () => (await dashboard.gridItem('Card B').boundingBox())?.y).toBe(from.y);
  const after = await boxes();
  for (const name of ['A', 'C', 'D']) expect(after[name], `Card ${name} stays`).toEqual(before[name]);
  await screenshot(page, 'dashboard-layout-swap');

  const saved = page.waitForResponse((r) => r.url().includes('/bulk_widgets/'));
  await dashboard.saveLayout.click();
  expect((await saved).status()).toBe(200);
  const stored = await apiJson(request, 'GET', `/dashboards/dashboards/${created.id}/`, DashboardSchema);
  const at = (name: string) => layoutOf(stored, ids[name]!);
  expect(at('E')).toEqual({ x: 6, y: 0, w: 6, h: 3 });
  expect(at('B')).toEqual({ x: 0, y: 6, w: 6, h: 3 });
  for (const [name, [x, y]] of Object.entries(places).filter(([n]) => n !== 'B' && n !== 'E'))
    expect(at(name), `Card ${name} saved where it was`).toEqual({ x, y, w: 6, h: 3 });
});

test('keyboard: focus a card, arrows move it, Shift+arrows resize it, Cancel restores', async ({
  page,
  request,
}) => {
  const copy = await copyOfSample(request, 'Keyboard test');
  const dashboard = dashboardPage(page);
  await dashboard.goto(copy.id, { edit: true });
  await waitForAllChartsPainted(page);
  const card = dashboard.movableCard('Call duration');
  const start = await card.boundingBox();
  await card.focus();
  await page.keyboard.press('ArrowRight');
  await expect(dashboard.announcement).toHaveText('Moved Call duration to column 2, row 4.');
  await page.keyboard.press('ArrowUp');
  await expect(dashboard.announcement).toHaveText(/^Moved Call duration to column 2, row 1\.$/);
  await page.keyboard.press('Shift+ArrowDown');
  await expect(dashboard.announcement).toHaveText(
    /^Resized Call duration to 6 columns wide and 5 rows tall\.$/,
  );
  await expect(card).toBeFocused();
  await expect.poll(async () => (await card.boundingBox())?.y).toBeLessThan(start!.y);
  await dashboard.cancelLayout.click();
  await expect(dashboard.editLayout).toBeVisible();
  await expect.poll(async () => (await dashboard.gridItem('Call duration').boundingBox())?.y).toBe(start!.y);
});

test('a widget whose data fails shows its error while the others render', async ({ page, request }) => {
  const sample = await sampleDashboard(request);
  const projects = await apiJson(request, 'GET', '/dashboards/dashboards/', DashboardPageSchema);
  const otherProject = projects.results.map((d) => d.project).find((p) => p !== sample.project)!;
  const metrics = await apiJson(
    request,
    'GET',
    `/test_framework/v1/metrics/?project_id=${sample.project}`,
    MetricListResponseSchema,
  );
  const metric = metrics.find((m) => m.eval_type === 'numeric')!;
  const created = await apiJson(request, 'POST', '/dashboards/dashboards/', DashboardSchema, {
    name: 'Failure isolation',
    project: sample.project,
    filters: { operator: 'and', conditions: [{ field: 'timestamp', op: 'gte', value: 'now-7d' }] },
  });
  await apiJson(request, 'POST', '/dashboards/widgets/', WidgetSchema, {
    dashboard: created.id,
    name: 'Healthy summary',
    chart_type: 'stat',
    field: '',
    metadata: { layout: { x: 0, y: 0, w: 4, h: 3 } },
  });
  await apiJson(request, 'POST', '/dashboards/widgets/', WidgetSchema, {
    dashboard: created.id,
    name: 'Healthy durations',
    chart_type: 'bar',
    field: 'duration',
    aggregation_function: 'avg',
    time_period: 'day',
    metadata: { layout: { x: 4, y: 0, w: 8, h: 3 } },
  });
  await apiJson(request, 'POST', '/dashboards/widgets/', WidgetSchema, {
    dashboard: created.id,
    name: 'Broken metric',
    chart_type: 'line',
    field: 'metric_evaluations.value',
    metric: metric.id,
    metadata: { layout: { x: 0, y: 3, w: 6, h: 4 } },
  });
  // In another project the metric widget points at a metric it cannot see: its data answers 400.
  await apiJson(request, 'PATCH', `/dashboards/dashboards/${created.id}/`, DashboardSchema, {
    project: otherProject,
  });

  const dashboard = dashboardPage(page);
  await dashboard.goto(created.id);
  await waitForAllChartsPainted(page);
  await expect(dashboard.card('Broken metric')).toHaveAttribute('data-status', 'error');
  await expect(dashboard.card('Broken metric')).toContainText('Could not load this chart');
  await expect(dashboard.card('Broken metric')).toContainText(/does not exist or is not available/);
  await expect(dashboard.card('Healthy summary')).toHaveAttribute('data-status', 'ready');
  await expect(dashboard.statFigure('Healthy summary', 'total_calls')).toHaveText(/^\d/);
  await expect(
    dashboard.chartSurface('Healthy durations').locator('.recharts-bar-rectangle').first(),
  ).toBeVisible();
  await screenshot(page, 'dashboard-error-card');
});

test('an empty dashboard offers to add a widget; quick-add places it', async ({ page, request }) => {
  const sample = await sampleDashboard(request);
  const created = await apiJson(request, 'POST', '/dashboards/dashboards/', DashboardSchema, {
    name: 'Empty dashboard',
    project: sample.project,
    filters: { operator: 'and', conditions: [{ field: 'timestamp', op: 'gte', value: 'now-7d' }] },
  });
  const dashboard = dashboardPage(page);
  await dashboard.goto(created.id);
  await expect(dashboard.emptyState).toBeVisible();
  await screenshot(page, 'dashboard-empty');
  // The header has an Add widget button too; the empty state's comes after it.
  const addButtons = page.getByRole('button', { name: 'Add widget' });
  await expect(addButtons).toHaveCount(2);
  await addButtons.last().click();
  const dialog = page.getByRole('dialog', { name: 'Add a widget' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Add Call summary' }).click();
  await expect(dialog).toBeHidden();
  await expect(dashboard.card('Call summary')).toHaveAttribute('data-status', 'ready');
  const saved = await apiJson(request, 'GET', `/dashboards/dashboards/${created.id}/`, DashboardSchema);
  expect(saved.widgets[0]?.metadata).toEqual({ layout: { x: 0, y: 0, w: 4, h: 3 } });
});

test('saving the dashboard filters writes back the stored date range untouched', async ({
  page,
  request,
}) => {
  const copy = await copyOfSample(request, 'Stored range test');
  expect(copy.filters).toEqual({
    operator: 'and',
    conditions: [
      { field: 'timestamp', op: 'gte', value: 'today-7d' },
      { field: 'timestamp', op: 'lte', value: 'now' },
    ],
  });
  const dashboard = dashboardPage(page);
  await dashboard.goto(copy.id);
  await waitForAllChartsPainted(page);

  await page.getByRole('button', { name: 'Edit dashboard filters' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit dashboard filters' });
  const builder = filterBuilder(page, dialog);
  await builder.addCondition(builder.rootGroup).click();
  const success = builder.condition('Condition 1 of group All of, level 1');
  await success.field.click();
  await builder.fieldOption('Success').click();
  const patched = page.waitForResponse(
    (r) => r.request().method() === 'PATCH' && r.url().includes(`/dashboards/${copy.id}/`),
  );
  await dialog.getByRole('button', { name: 'Save filters' }).click();
  expect((await patched).status()).toBe(200);
  await expect(dialog).toBeHidden();

  const saved = await apiJson(request, 'GET', `/dashboards/dashboards/${copy.id}/`, DashboardSchema);
  expect(saved.filters).toEqual({
    operator: 'and',
    conditions: [
      { field: 'timestamp', op: 'gte', value: 'today-7d' },
      { field: 'timestamp', op: 'lte', value: 'now' },
      { field: 'success', op: 'eq', value: true },
    ],
  });
  await expect(dashboard.dateRange.locator('option:checked')).toHaveText('Last 7 days (from midnight UTC)');
});

test("quick add on the second project's dashboard adds that project's latency widget", async ({
  page,
  request,
}) => {
  const list = await apiJson(request, 'GET', '/dashboards/dashboards/', DashboardPageSchema);
  const sales = list.results.find((d) => d.name === 'Sales performance');
  if (!sales) throw new Error('second sample dashboard missing');
  const copy = await apiJson(
    request,
    'POST',
    `/dashboards/dashboards/${sales.id}/duplicate/`,
    DashboardSchema,
    {
      name: 'Quick add test',
    },
  );
  const metrics = await apiJson(
    request,
    'GET',
    `/test_framework/v1/metrics/?project_id=${copy.project}`,
    MetricListResponseSchema,
  );
  const latency = metrics.find((m) => m.function_name === 'get_latency');
  if (!latency) throw new Error('the sample project has no latency metric');
  const failures: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });

  const dashboard = dashboardPage(page);
  await dashboard.goto(copy.id, { edit: true });
  await waitForAllChartsPainted(page);
  await dashboard.addWidget.click();
  const dialog = page.getByRole('dialog', { name: 'Add a widget' });
  const created = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/dashboards/widgets/',
  );
  await dialog.getByRole('button', { name: 'Add Latency p95 per day' }).click();
  expect((await created).status()).toBe(201);
  await expect(dialog).toBeHidden();
  await expect(appShell(page).toast('Added “Latency p95 per day”')).toBeVisible();
  // Saved with its place: nothing is left to save, so edit mode is left.
  await expect(dashboard.editLayout).toBeVisible();
  await expect(dashboard.saveLayout).toBeHidden();

  const saved = await apiJson(request, 'GET', `/dashboards/dashboards/${copy.id}/`, DashboardSchema);
  const added = saved.widgets.filter((w) => w.name === 'Latency p95 per day');
  expect(added.map((w) => w.metric)).toEqual([latency.id]);
  await expect(dashboard.card('Latency p95 per day')).toHaveAttribute('data-status', 'ready');
  expect(failures).toEqual([]);
});

test('a toast raised while a dialog is open is above its backdrop and can be dismissed', async ({
  page,
  request,
}) => {
  const copy = await copyOfSample(request, 'Toast over dialog');
  const dashboard = dashboardPage(page);
  await dashboard.goto(copy.id);
  await waitForAllChartsPainted(page);
  await page.getByRole('button', { name: 'Edit dashboard filters' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit dashboard filters' });
  const builder = filterBuilder(page, dialog);
  await builder.addCondition(builder.rootGroup).click();
  const success = builder.condition('Condition 1 of group All of, level 1');
  await success.field.click();
  await builder.fieldOption('Success').click();
  // Someone renames the dashboard meanwhile: this save is refused (412) and says so in a toast.
  await apiJson(request, 'PATCH', `/dashboards/dashboards/${copy.id}/`, DashboardSchema, {
    name: 'Renamed by someone else',
  });
  await dialog.getByRole('button', { name: 'Save filters' }).click();
  const toast = appShell(page)
    .toasts.getByRole('alert')
    .filter({ hasText: 'Could not save the dashboard filters' });
  await expect(toast).toBeVisible();
  await expect(dialog).toBeVisible();
  await screenshot(page, 'dashboard-toast-over-dialog');
  await toast.getByRole('button', { name: 'Dismiss notification' }).click();
  await expect(toast).toBeHidden();
  await expect(dialog).toBeVisible();
});

test('the second sample dashboard draws every chart (screenshot)', async ({ page, request }) => {
  const list = await apiJson(request, 'GET', '/dashboards/dashboards/', DashboardPageSchema);
  const sales = list.results.find((d) => d.name === 'Sales performance');
  if (!sales) throw new Error('second sample dashboard missing');
  const dashboard = dashboardPage(page);
  await dashboard.goto(sales.id);
  await waitForAllChartsPainted(page);
  for (const card of await dashboard.cards.all()) await expect(card).toHaveAttribute('data-status', 'ready');
  await expect(dashboard.dateRange.locator('option:checked')).toHaveText('Last 7 days (from midnight UTC)');
  await screenshot(page, 'dashboard-view-sales');
});

import { expect, test, type APIRequestContext, type Page, type Request } from '@playwright/test';
import * as z from 'zod';
import { E2E_API_KEY, WRITES_CALLS } from '../playwright.config.ts';
import { paginated } from '../src/contract/paginated-schema.ts';
import { SavedViewListSchema, savedViewsPath } from '../src/contract/saved-view-schema.ts';
import { WidgetDataResponseSchema } from '../src/contract/widget-data-schema.ts';
import { WidgetSchema } from '../src/contract/widget-schema.ts';
import { apiJson, copyOfSupportOverview } from './pages/api-json.ts';
import { dashboardPage } from './pages/dashboard-page.ts';
import { fetchesSoFar, recordFetches } from './pages/fetch-log.ts';

// Issue 17: variables and saved views, auto-refresh, wall mode. Real server, real SQLite, real Chromium.
test.use({ reducedMotion: 'reduce' });

const DataPageSchema = paginated(WidgetDataResponseSchema);
const BulkBodySchema = z.object({
  widget_ids: z.array(z.number()),
  dashboard_filters: z.unknown().optional(),
});

function isBulkData(request: Request): boolean {
  return request.method() === 'POST' && request.url().includes('/dashboards/widgets/bulk_data/');
}

/** The next bulk_data answer of the page, by widget id. */
async function nextBulkData(page: Page, action: () => Promise<unknown>) {
  const [response] = await Promise.all([page.waitForResponse((r) => isBulkData(r.request())), action()]);
  expect(response.status()).toBe(200);
  const body = BulkBodySchema.parse(response.request().postDataJSON());
  const results = DataPageSchema.parse(await response.json()).results;
  return { body, byId: new Map(results.map((r) => [r.widget_id, JSON.stringify(r.data)])) };
}

async function waitForCards(page: Page) {
  await expect(page.locator('article[data-widget-id]').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('article[data-widget-id][data-status="loading"]')).toHaveCount(0, {
    timeout: 30_000,
  });
}

test('variables: pick two regions, every card changes, the shared link opens the same view, and it saves', async ({
  page,
  request,
}) => {
  const copy = await copyOfSupportOverview(request, `Variables ${Date.now()}`);
  const view = dashboardPage(page);
  const before = await nextBulkData(page, () => view.goto(copy.id));
  expect(before.body.dashboard_filters).toBeUndefined();
  await waitForCards(page);

  await view.addVariable.selectOption({ label: 'Region' });
  await view.variable('Region').click();
  const panel = view.variablePanel('Region');
  await expect(panel).toBeVisible();
  // Values with their call counts, most frequent first, and the calls without a region as "(none)".
  await expect(view.variableChoices.first()).toContainText(/^US\s*[\d,]+ calls$/);
  await expect(view.variableChoices.filter({ hasText: '(none)' })).toHaveCount(1);
  await panel.getByRole('textbox', { name: 'Search values of Region' }).fill('us');
  await expect(view.variableChoices).toHaveText([/^US/]);
  await panel.getByRole('textbox').fill('');
  await page.screenshot({ path: 'docs/screenshots/variables-picker-light.png' });
  // Counts every moment a card is marked as changed (the highlight fades after 2.5 s).
  await page.evaluate(() => {
    const seen = window as unknown as { highlighted: number };
    seen.highlighted = 0;
    new MutationObserver(() => {
      if (document.querySelector('article[data-changed]')) seen.highlighted += 1;
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-changed'] });
  });
  await panel.getByRole('checkbox', { name: /^US/ }).check();
  await panel.getByRole('checkbox', { name: /^EU/ }).check();
  const after = await nextBulkData(page, () => panel.getByRole('button', { name: 'Apply' }).click());

  // One bulk_data, the variable in its dashboard_filters beside the stored range.
  expect(JSON.stringify(after.body.dashboard_filters)).toContain(
    JSON.stringify({ field: 'metadata.region', op: 'in', value: ['US', 'EU'] }),
  );
  expect(after.body.widget_ids.sort()).toEqual(copy.widgets.map((w) => w.id).sort());
  for (const widget of copy.widgets)
    expect(after.byId.get(widget.id), widget.name ?? '').not.toBe(before.byId.get(widget.id));
  await expect(view.variable('Region')).toHaveAccessibleName('Region: US, EU');
  expect(new URL(page.url()).searchParams.getAll('v.metadata.region')).toEqual(['US', 'EU']);
  await waitForCards(page);
  // A new view is not a refresh: no card was highlighted as changed.
  expect(await page.evaluate(() => (window as unknown as { highlighted: number }).highlighted)).toBe(0);
  await page.screenshot({ path: 'docs/screenshots/variables-applied-light.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await page.screenshot({ path: 'docs/screenshots/variables-applied-dark.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });

  // The shared link, opened in a fresh page: the same view, the same data.
  const shared = page.url();
  const other = await page.context().newPage();
  const reopened = await nextBulkData(other, () => other.goto(shared));
  expect(reopened.body.dashboard_filters).toEqual(after.body.dashboard_filters);
  expect(reopened.byId).toEqual(after.byId);
  await expect(dashboardPage(other).variable('Region')).toHaveAccessibleName('Region: US, EU');
  await other.close();

  // Saved as a named view on the dashboard (the embedded server keeps it), then applied on a bare link.
  await view.savedViews.click();
  await view.savedViewsPanel.getByRole('textbox', { name: 'Save this view as' }).fill('US and EU');
  await view.savedViewsPanel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(view.savedViewsPanel.getByRole('button', { name: 'US and EU', exact: true })).toBeVisible();
  const stored = await apiJson(request, 'GET', savedViewsPath(copy.id), SavedViewListSchema);
  expect(stored.results.map((v) => [v.name, v.state.variables])).toEqual([
    ['US and EU', [{ field: 'metadata.region', values: ['US', 'EU'] }]],
  ]);
  await view.goto(copy.id);
  await waitForCards(page);
  await view.savedViews.click();
  await nextBulkData(page, () =>
    view.savedViewsPanel.getByRole('button', { name: 'US and EU', exact: true }).click(),
  );
  await expect(view.variable('Region')).toHaveAccessibleName('Region: US, EU');
});

test('a variable that contradicts a widget filter is named on the card; group by re-groups line and bar widgets', async ({
  page,
  request,
}) => {
  const copy = await copyOfSupportOverview(request, `Contradiction ${Date.now()}`);
  const view = dashboardPage(page);
  // A widget of US calls only: a Region variable of LATAM leaves it nothing, and the card says why.
  await apiJson(request, 'POST', '/dashboards/widgets/', WidgetSchema, {
    dashboard: copy.id,
    name: 'US topics',
    chart_type: 'pie',
    field: 'topic',
    filters: { field: 'metadata.region', op: 'eq', value: 'US' },
    metadata: { layout: { x: 0, y: 20, w: 4, h: 4 } },
  });
  await page.goto(`/dashboards/${copy.id}?vars=metadata.region&v.metadata.region=LATAM`);
  await waitForCards(page);
  await expect(view.cardNote('US topics')).toHaveText(
    /^The Region variable contradicts this widget's own filter: “.*LATAM.*” and “.*US.*” cannot both be true\.$/,
  );
  // An `or` in a widget's own filter is no contradiction, and a widget without filters has none.
  await expect(view.cardNote('Topics of unhappy failed calls')).toHaveCount(0);
  await expect(view.cardNote('Call summary')).toHaveCount(0);

  const regrouped = copy.widgets.filter((w) => w.chart_type === 'line' || w.chart_type === 'bar');
  const previews: unknown[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/dashboards/widgets/preview_data/')) previews.push(r.postDataJSON());
  });
  await view.groupBy.selectOption({ label: 'Topic' });
  await expect.poll(() => previews.length).toBe(regrouped.length);
  for (const body of previews) expect(body).toMatchObject({ group_by: { type: 'field', field: 'topic' } });
  expect(new URL(page.url()).searchParams.get('group')).toBe('topic');
  await waitForCards(page);
  await page.screenshot({ path: 'docs/screenshots/variables-group-by-light.png', fullPage: true });
});

/**
 * A call of the dashboard's project at this moment, written through the API as new data arrives: a copy
 * of the project's newest call (so it matches the same widget filters) under a new call_id and time.
 */
async function insertCallNow(request: APIRequestContext, projectId: number): Promise<void> {
  const headers = { 'X-CEKURA-API-KEY': E2E_API_KEY };
  const listed = await request.get(`/observability/v2/call-logs/?project_id=${projectId}&page_size=1`, {
    headers,
  });
  expect(listed.ok()).toBe(true);
  const newest = z
    .object({ results: z.array(z.record(z.string(), z.unknown())).min(1) })
    .parse(await listed.json()).results[0];
  const { id: _id, ...call } = newest ?? {};
  const created = await request.post('/observability/v2/call-logs/', {
    headers,
    data: {
      ...call,
      project: projectId,
      call_id: `refresh-${Date.now()}`,
      timestamp: new Date().toISOString(),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
}

// It writes a call into the project every other spec reads: the `writes-calls` project runs it alone,
// after the others (playwright.config.ts).
test(
  'auto-refresh: a call inserted while the dashboard is open appears within one tick',
  WRITES_CALLS,
  async ({ page, request }) => {
    const copy = await copyOfSupportOverview(request, `Refresh ${Date.now()}`);
    // The page's clock: one tick is 30 s of page time, not 30 s of the run.
    await page.clock.install();
    const view = dashboardPage(page);
    await view.goto(copy.id);
    await waitForCards(page);
    await view.autoRefresh.selectOption({ label: '30 s' });
    expect(new URL(page.url()).searchParams.get('refresh')).toBe('30s');
    const total = view.statFigure('Call summary', 'total_calls');
    const shown = Number((await total.textContent())?.replace(/[^\d]/g, ''));
    await insertCallNow(request, copy.project ?? 0);
    // A tick REQUESTED after the call was stored, within one interval of the page's clock.
    const nextTick = page.waitForRequest((r) => isBulkData(r));
    await page.clock.runFor(30_000);
    const tickRequest = await nextTick;
    expect((await tickRequest.response())?.status()).toBe(200);
    const tick = { body: BulkBodySchema.parse(tickRequest.postDataJSON()) };
    expect(tick.body.widget_ids).toHaveLength(copy.widgets.length);
    await expect(total).toHaveText(new Intl.NumberFormat('en-US').format(shown + 1));
    // The changed card is highlighted briefly, and the page says how old the data is.
    await expect(view.card('Call summary')).toHaveAttribute('data-changed', 'true');
    await expect(view.updatedAgo).toHaveText(/^Updated (just now|\d+ seconds ago)$/);
    await page.screenshot({ path: 'docs/screenshots/auto-refresh-highlight-light.png' });
  },
);

test('auto-refresh: one bulk_data per tick, none while the tab is hidden', async ({ page, request }) => {
  const copy = await copyOfSupportOverview(request, `Ticks ${Date.now()}`);
  await page.clock.install();
  await recordFetches(page);
  const view = dashboardPage(page);
  let requests = 0;
  let answered = 0;
  page.on('request', (r) => {
    if (isBulkData(r)) requests += 1;
  });
  page.on('response', (r) => {
    if (isBulkData(r.request())) answered += 1;
  });
  await page.goto(`/dashboards/${copy.id}?refresh=30s`);
  await waitForCards(page);
  expect(requests).toBe(1);
  await page.clock.fastForward(31_000);
  await expect.poll(() => requests).toBe(2);
  // The next tick is timed from this refresh's answer: let it land before the tab is hidden.
  await expect.poll(() => answered).toBe(2);
  await waitForCards(page);

  const setHidden = (hidden: boolean) =>
    page.evaluate((value) => {
      Object.defineProperty(document, 'visibilityState', {
        configurable: true,
        get: () => (value ? 'hidden' : 'visible'),
      });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => value });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    }, hidden);
  await setHidden(true);
  await page.clock.fastForward(150_000);
  // Every timer due in those 150 s has run: a tick would have started its fetch by now.
  await page.clock.runFor(1_000);
  expect(
    await fetchesSoFar(page, { method: 'POST', path: /\/dashboards\/widgets\/bulk_data\// }),
  ).toHaveLength(2);
  expect(requests).toBe(2);
  // Back in view: the stale data is asked for once, then the ticks go on.
  await setHidden(false);
  await expect.poll(() => requests).toBe(3);
  // The next tick is timed from this refresh's answer: let it land before moving the clock.
  await expect.poll(() => answered).toBe(3);
  await waitForCards(page);
  await page.clock.fastForward(31_000);
  await expect.poll(() => requests).toBe(4);
  await expect(view.heading).toBeVisible();
});

test('wall mode: no chrome, dark, cycles through the dashboards and reconnects after an outage', async ({
  page,
  request,
}) => {
  const first = await copyOfSupportOverview(request, `Wall one ${Date.now()}`);
  const second = await copyOfSupportOverview(request, `Wall two ${Date.now()}`);
  await page.clock.install();
  await page.goto(`/wall?d=${first.id},${second.id}&every=20&refresh=30s`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.name ?? '');
  await waitForCards(page);
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await expect(page.getByRole('link', { name: 'Dashboards' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Actions for / })).toHaveCount(0);
  await page.screenshot({ path: 'docs/screenshots/wall-mode-dark.png' });

  await page.clock.fastForward(21_000);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(second.name ?? '');
  await waitForCards(page);

  // The server goes away (a restart): the wall keeps the last data and says it is reconnecting.
  await page.route('**/dashboards/**', (route) => route.abort('connectionrefused'));
  for (let i = 0; i < 6; i++) await page.clock.fastForward(31_000);
  await expect(page.getByRole('status').filter({ hasText: 'Reconnecting' })).toBeVisible();
  await expect(page.locator('article[data-widget-id]').first()).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/wall-mode-reconnecting-dark.png' });
  await page.unroute('**/dashboards/**');
  for (let i = 0; i < 3; i++) await page.clock.fastForward(61_000);
  await expect(page.getByRole('status').filter({ hasText: 'Reconnecting' })).toHaveCount(0, {
    timeout: 15_000,
  });
  await expect(page.getByTestId('updated-ago')).toBeVisible();

  await page.getByRole('button', { name: 'Light' }).click();
  await expect(page.locator('html')).toHaveClass(/\blight\b/);
  await waitForCards(page);
  await page.screenshot({ path: 'docs/screenshots/wall-mode-light.png' });
});

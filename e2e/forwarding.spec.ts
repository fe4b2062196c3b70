import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import * as z from 'zod';
import { WidgetSchema } from '../src/contract/widget-schema.ts';
import { E2E_API_KEY, E2E_FORWARDING_PORT } from '../playwright.config.ts';
import { apiJson, copyOfSupportOverview, dashboardsNamed } from './pages/api-json.ts';
import { appShell } from './pages/app-shell.ts';
import { dashboardPage } from './pages/dashboard-page.ts';
import { historyPanel } from './pages/history-panel.ts';
import { widgetEditorPage } from './pages/widget-editor-page.ts';
import { coloursSettled } from './pages/colours-settled.ts';

// Issue 19: the README's recommended set-up for the real API (a forwarding server holding the key),
// with the embedded server playing Cekura. The SPA works unchanged through it, and a page of another
// site cannot use the key it holds.

const gateway = `http://127.0.0.1:${E2E_FORWARDING_PORT}`;
test.use({ baseURL: gateway, reducedMotion: 'reduce' });

test('the editor golden path works through a forwarding server, and the browser never holds the key', async ({
  page,
  request,
}) => {
  const sentKeys: string[] = [];
  page.on('request', (r) => {
    const key = r.headers()['x-cekura-api-key'];
    if (key) sentKeys.push(r.url());
  });
  const copy = await copyOfSupportOverview(request, 'Through the gateway');
  const widget = copy.widgets.find((w) => w.name === 'Call duration');
  if (!widget) throw new Error('widget missing');

  await page.goto(`/dashboards/${copy.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Through the gateway');
  const card = page.getByRole('article', { name: 'Call duration', exact: true });
  await expect(card.locator('svg.recharts-surface').first()).toBeVisible({ timeout: 15_000 });
  await expect(appShell(page).connectionStatus).toHaveAccessibleName(/Connected/);

  const editor = widgetEditorPage(page);
  await editor.gotoWidget(copy.id, widget.id);
  await expect(editor.heading).toHaveText('Call duration');
  await expect(editor.preview).toHaveAttribute('data-preview-state', 'ready', { timeout: 15_000 });
  await editor.chartTypeCard('Bar').click();
  await editor.timePeriod.selectOption('day');
  await expect(editor.preview).toHaveAttribute('data-preview-state', 'ready', { timeout: 15_000 });
  await expect(editor.previewBars.first()).toBeVisible();
  await editor.save.click();
  await expect(editor.allSaved).toBeVisible();

  const saved = await apiJson(request, 'GET', `/dashboards/widgets/${widget.id}/`, WidgetSchema);
  expect(saved).toMatchObject({ chart_type: 'bar', time_period: 'day' });
  expect(sentKeys).toEqual([]);
});

test("a page of another site cannot use the gateway's key (a real cross-site form post)", async ({
  page,
  request,
}) => {
  const name = `Cross-site ${Date.now()}`;
  // A page "on another site", served by the test; its form posts to the gateway, as every page on the web can.
  await page.route('http://evil.example/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>Win a prize</title>
        <form method="post" action="${gateway}/dashboards/dashboards/" enctype="application/x-www-form-urlencoded">
          <input name="name" value="${name}"><button>Claim</button>
        </form>`,
    }),
  );
  await page.goto('http://evil.example/prize');
  const answer = page.waitForResponse((r) => r.url() === `${gateway}/dashboards/dashboards/`);
  await page.getByRole('button', { name: 'Claim' }).click();
  const response = await answer;
  expect(response.status()).toBe(403);
  expect(z.object({ detail: z.string() }).parse(await response.json()).detail).toMatch(
    /only to its own web app.*another (site|origin)/,
  );
  expect(await dashboardsNamed(request, name)).toEqual([]);
});

test('history through a forwarding server: a forwarded save is a version, restore writes upstream', async ({
  page,
  request,
}) => {
  const WIDGET = 'Latency p95 per day';
  // Made on the upstream directly ("in Cekura's app"): the gateway has not seen it.
  const copy = await copyOfSupportOverview(request, 'History through the gateway');
  const widget = copy.widgets.find((w) => w.name === WIDGET);
  if (!widget) throw new Error('widget missing');
  const upstreamChartType = async () =>
    (await apiJson(request, 'GET', `/dashboards/widgets/${widget.id}/`, WidgetSchema)).chart_type;
  // A save through the gateway, with the key its web app uses (the same history).
  const saved = await request.fetch(`${gateway}/dashboards/widgets/${widget.id}/`, {
    method: 'PATCH',
    headers: { 'X-CEKURA-API-KEY': E2E_API_KEY },
    data: { chart_type: 'line' },
  });
  expect(saved.status()).toBe(200);
  expect(await upstreamChartType()).toBe('line');

  const dashboard = dashboardPage(page);
  const history = historyPanel(page);
  await dashboard.goto(copy.id);
  await expect(dashboard.heading).toHaveText('History through the gateway');
  await history.open.click();
  await expect(history.versions).toHaveCount(2);
  await expect(history.versions.first()).toContainText(`Changed ${WIDGET}: chart type bar → line`);
  await expect(history.versions.last()).toContainText('Earliest recorded state');
  await expect(history.dialog).toContainText(
    /History starts from .+\. Only changes saved through Widget Studio/,
  );
  await expect(history.dialog).toContainText("changes made elsewhere (such as in Cekura's app) are not");
  await expect(history.differences).toHaveText(`Changed ${WIDGET}: chart type line → bar`);
  await expect(history.previewCard(WIDGET).locator('.recharts-bar-rectangle').first()).toBeVisible({
    timeout: 20_000,
  });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({
      path: `docs/screenshots/dashboard-history-forwarding-${scheme}.png`,
      animations: 'disabled',
    });
    // The colour scheme just changed: buttons fade to their new colours; read the settled page.
    await coloursSettled(page);
    const audit = await new AxeBuilder({ page })
      .include('dialog')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // Restore that widget: the gateway writes it upstream, and the restore is a new version.
  await history.restoreWidget(WIDGET).click();
  await expect(history.status).toContainText('Restored the widget');
  await expect.poll(upstreamChartType).toBe('bar');
  await expect(history.versions).toHaveCount(3);
  await expect(history.versions.first()).toContainText('Restored version');
});

test('import and templates are off through a forwarding server, with the reason shown', async ({ page }) => {
  await page.goto('/dashboards');
  await expect(page.getByRole('link', { name: 'Support overview' }).first()).toBeVisible();
  for (const name of ['Import dashboard', 'New from template']) {
    const button = page.getByRole('button', { name });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(/own server only: this one forwards to Cekura/);
  }
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({
      path: `docs/screenshots/dashboards-forwarding-${scheme}.png`,
      animations: 'disabled',
      clip: { x: 0, y: 0, width: 1440, height: 360 },
    });
  }
});

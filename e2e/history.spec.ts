import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import * as z from 'zod';
import { WidgetSchema } from '../src/contract/widget-schema.ts';
import { apiJson, copyOfSupportOverview } from './pages/api-json.ts';
import { dashboardPage } from './pages/dashboard-page.ts';
import { historyPanel } from './pages/history-panel.ts';
import { widgetEditorPage } from './pages/widget-editor-page.ts';
import { coloursSettled } from './pages/colours-settled.ts';

test.use({ reducedMotion: 'reduce' });
const WIDGET = 'Latency p95 per day';

async function screenshot(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `docs/screenshots/${name}-${scheme}.png`, animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('edit → see it in history → restore one widget → undo the restore', async ({ page, request }) => {
  const copy = await copyOfSupportOverview(request, 'History golden path');
  const widget = copy.widgets.find((w) => w.name === WIDGET);
  if (!widget) throw new Error('widget missing');
  const chartType = async () =>
    (await apiJson(request, 'GET', `/dashboards/widgets/${widget.id}/`, WidgetSchema)).chart_type;
  // The edit: someone turns the bar chart into a line chart.
  await apiJson(request, 'PATCH', `/dashboards/widgets/${widget.id}/`, WidgetSchema, { chart_type: 'line' });

  const dashboard = dashboardPage(page);
  const history = historyPanel(page);
  await dashboard.goto(copy.id);
  await expect(dashboard.heading).toHaveText('History golden path');
  const totalCalls = dashboard.statFigure('Call summary', 'total_calls');
  await expect(totalCalls).toHaveText(/\d/, { timeout: 20_000 });
  const total = await totalCalls.textContent();
  await history.open.click();
  await expect(history.versions).toHaveCount(2);
  await expect(history.versions.first()).toContainText(`Changed ${WIDGET}: chart type bar → line`);
  await expect(history.versions.first()).toContainText('local');
  // The earlier version is selected: drawn on today's data, its difference from now in words.
  await expect(history.version(/Created the dashboard with 7 widgets/)).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(history.differences).toHaveText(`Changed ${WIDGET}: chart type line → bar`);
  await expect(history.previewCard(WIDGET).locator('.recharts-bar-rectangle').first()).toBeVisible({
    timeout: 20_000,
  });
  await expect(history.previewCard('Call duration').locator('.recharts-line-curve').first()).toBeVisible({
    timeout: 20_000,
  });
  // Drawn on the dashboard's own project and filters: the same calls as the card behind.
  await expect(
    history.previewCard('Call summary').locator('[data-stat="total_calls"] dd').first(),
  ).toHaveText(total ?? '');
  await screenshot(page, 'dashboard-history');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // The colour scheme just changed: buttons fade to their new colours; read the settled page.
    await coloursSettled(page);
    const audit = await new AxeBuilder({ page })
      .include('dialog')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const serious = audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${scheme} ${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  await history.restoreWidget(WIDGET).click();
  await expect(history.status).toContainText('Restored the widget');
  await expect.poll(chartType).toBe('bar');
  await expect(history.versions).toHaveCount(3);
  await expect(history.versions.first()).toContainText('Restored version');

  await history.undo.click();
  await expect.poll(chartType).toBe('line');
  await expect(history.versions).toHaveCount(4);
  // The restore and its undo are both in the history, and the dashboard shows the line chart again.
  await history.dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dashboard.card(WIDGET).locator('.recharts-line-curve').first()).toBeVisible({
    timeout: 20_000,
  });
});

test('a restore racing another write gets the conflict message, never a silent overwrite', async ({
  page,
  request,
}) => {
  const copy = await copyOfSupportOverview(request, 'History conflict');
  const widget = copy.widgets.find((w) => w.name === WIDGET);
  if (!widget) throw new Error('widget missing');
  await apiJson(request, 'PATCH', `/dashboards/widgets/${widget.id}/`, WidgetSchema, { chart_type: 'line' });
  const history = historyPanel(page);
  await dashboardPage(page).goto(copy.id);
  await history.open.click();
  await expect(history.differences).toBeVisible();
  // Someone else saves while the history is open.
  await apiJson(request, 'PATCH', `/dashboards/widgets/${widget.id}/`, WidgetSchema, { name: 'Theirs' });
  await history.restoreVersion.click();
  await expect(history.dialog.getByRole('alert')).toContainText('Someone changed this dashboard');
  const now = await apiJson(request, 'GET', `/dashboards/widgets/${widget.id}/`, WidgetSchema);
  expect(z.object({ name: z.string(), chart_type: z.string() }).parse(now)).toMatchObject({
    name: 'Theirs',
    chart_type: 'line',
  });
  await expect(history.versions).toHaveCount(3);
});

test('the widget editor shows that widget’s versions and restores only it, undoably', async ({
  page,
  request,
}) => {
  const copy = await copyOfSupportOverview(request, 'Editor history');
  const widget = copy.widgets.find((w) => w.name === WIDGET);
  const other = copy.widgets.find((w) => w.name === 'Call duration');
  if (!widget || !other) throw new Error('widget missing');
  const read = async (id: number) => apiJson(request, 'GET', `/dashboards/widgets/${id}/`, WidgetSchema);
  await apiJson(request, 'PATCH', `/dashboards/widgets/${widget.id}/`, WidgetSchema, { chart_type: 'line' });
  // A change to another widget is not in this widget's history.
  await apiJson(request, 'PATCH', `/dashboards/widgets/${other.id}/`, WidgetSchema, { name: 'Durations' });

  const editor = widgetEditorPage(page);
  await editor.gotoWidget(copy.id, widget.id);
  await expect(editor.chartType('Line')).toBeChecked();
  await page.getByRole('button', { name: 'Version history' }).click();
  const dialog = page.getByRole('dialog', { name: `History of ${WIDGET}` });
  const versions = dialog.getByRole('list', { name: 'Versions' }).getByRole('button');
  await expect(versions).toHaveCount(2);
  await expect(versions.first()).toContainText(`Changed ${WIDGET}: chart type bar → line`);
  await expect(dialog.getByRole('list', { name: 'Differences from now' })).toHaveText(
    'chart type line → bar',
  );
  // Drawn as it was (bars), on today's data.
  await expect(dialog.locator('.recharts-bar-rectangle').first()).toBeVisible({ timeout: 20_000 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({
      path: `docs/screenshots/widget-editor-history-${scheme}.png`,
      animations: 'disabled',
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  await dialog.getByRole('button', { name: 'Restore this widget' }).click();
  await expect(dialog.getByRole('region', { name: 'Selected version' }).getByRole('status')).toContainText(
    'Restored this widget',
  );
  expect((await read(widget.id)).chart_type).toBe('bar');
  expect((await read(other.id)).name).toBe('Durations');
  await dialog.getByRole('button', { name: 'Undo restore' }).click();
  await expect.poll(async () => (await read(widget.id)).chart_type).toBe('line');
  await dialog.getByRole('button', { name: 'Close' }).click();
  // The editor is seeded from the widget as the restores left it.
  await expect(editor.chartType('Line')).toBeChecked();
});

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import * as z from 'zod';
import { E2E_API_KEY } from '../playwright.config.ts';
import { coloursSettled } from './pages/colours-settled.ts';
import { dashboardPage } from './pages/dashboard-page.ts';
import { widgetEditorPage } from './pages/widget-editor-page.ts';

// Issue 17 part 3: every widget has a Table view, the chart's accessible alternative.
const headers = { 'X-CEKURA-API-KEY': E2E_API_KEY };
const ListSchema = z.object({ results: z.array(z.object({ id: z.number(), name: z.string().nullable() })) });
const DetailSchema = z.object({
  widgets: z.array(z.object({ id: z.number(), name: z.string().nullable() })),
});

async function supportOverview(request: APIRequestContext) {
  const list = ListSchema.parse(await (await request.get('/dashboards/dashboards/', { headers })).json());
  const found = list.results.find((d) => d.name === 'Support overview');
  if (!found) throw new Error('sample dashboard missing');
  const detail = DetailSchema.parse(
    await (await request.get(`/dashboards/dashboards/${found.id}/`, { headers })).json(),
  );
  return { id: found.id, widgets: detail.widgets };
}

/** Support overview open with `card` drawn; returns the sample and the page object. */
async function openSupportOverview(page: Page, request: APIRequestContext, card: string) {
  const sample = await supportOverview(request);
  const dashboard = dashboardPage(page);
  await dashboard.goto(sample.id);
  await expect(dashboard.card(card)).toHaveAttribute('data-status', 'ready');
  return { sample, dashboard };
}

async function screenshot(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await coloursSettled(page);
    await page.screenshot({ path: `docs/screenshots/${name}-${scheme}.png`, animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function expectAxeClean(page: Page) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await coloursSettled(page);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test.describe('Table view', () => {
  test.use({ reducedMotion: 'reduce' });

  test('a card shows its data as a sortable table, exports it as CSV, and the editor preview too', async ({
    page,
    request,
  }) => {
    const name = 'Latency p95 per day';
    const { sample, dashboard } = await openSupportOverview(page, request, name);

    await dashboard.viewButton(name, 'Table').click();
    await expect(dashboard.viewButton(name, 'Table')).toHaveAttribute('aria-pressed', 'true');
    const table = dashboard.table(name);
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader').first()).toHaveText(/Day/);
    const rows = table.locator('tbody tr[aria-rowindex]');
    expect(await rows.count()).toBeGreaterThan(1);

    // Sort by the value, descending on the second click: the first row holds the largest value.
    const valueHeader = table.getByRole('columnheader').nth(1);
    await valueHeader.getByRole('button').click();
    await valueHeader.getByRole('button').click();
    await expect(valueHeader).toHaveAttribute('aria-sort', 'descending');
    const values = (await rows.locator('td:nth-child(2)').allTextContents()).map((t) =>
      Number(t.replace(/[^0-9.]/g, '')),
    );
    expect(values).toEqual([...values].sort((a, b) => b - a));

    await screenshot(page, 'dashboard-table-view');
    await expectAxeClean(page);

    const download = page.waitForEvent('download');
    await dashboard.card(name).getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('latency-p95-per-day.csv');

    // The editor's preview has the same toggle.
    const widget = sample.widgets.find((w) => w.name === name);
    if (!widget) throw new Error('widget missing');
    const editor = widgetEditorPage(page);
    await editor.gotoWidget(sample.id, widget.id);
    const preview = page.getByTestId('editor-preview');
    await expect(preview).toHaveAttribute('data-preview-state', 'ready');
    await page.getByRole('group', { name: 'Preview view' }).getByRole('button', { name: 'Table' }).click();
    await expect(preview.getByRole('table')).toBeVisible();
    await screenshot(page, 'widget-editor-table-view');
  });
});

test('a pie is drawn in its final state on first paint', async ({ page, request }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  // The page's clock drives Recharts' animation frames: 1.6 s of animation pass without waiting for them.
  await page.clock.install();
  const sample = await supportOverview(request);
  const dashboard = dashboardPage(page);
  await dashboard.goto(sample.id);
  const card = dashboard.card('Why calls ended');
  const sector = card.locator('.recharts-pie-sector path').first();
  await expect(sector).toBeAttached();
  // The first paint of the data (the card may still settle its size in the frame it mounts in).
  await expect(card).toHaveAttribute('data-status', 'ready');
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  const first = sweepOf(await sector.getAttribute('d'));
  // Recharts animates a pie in for 1.5 s, sweeping each sector open from nothing: after that the sector
  // must span the angle first painted. The angle, not the path: the card may still settle its size
  // (another card's note, a scrollbar), which changes the radius but never the share a sector shows.
  await page.clock.runFor(1_600);
  const last = sweepOf(await sector.getAttribute('d'));
  expect(first).toBeGreaterThan(1);
  expect(Math.abs(last - first)).toBeLessThan(0.5);
});

/**
 * The angle in degrees a pie sector's outer arc spans: its path starts at the arc's start point
 * (`M x,y A r,r,…,x1,y1`), and for the first sector of a Recharts pie that point lies on the centre's
 * horizontal, `r` to its right.
 */
function sweepOf(path: string | null): number {
  const numbers = (path ?? '').match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
  const [x0, y0, r, , , , , x1, y1] = numbers;
  if ([x0, y0, r, x1, y1].some((n) => n === undefined)) throw new Error(`not a sector: ${path}`);
  const cx = x0! - r!;
  const angle = (Math.atan2(y0! - y1!, x1! - cx) * 180) / Math.PI;
  // Counter-clockwise from the start, as Recharts draws (0–360).
  return angle < 0 ? angle + 360 : angle;
}

test.describe('Rough edges of issue 17', () => {
  test.use({ reducedMotion: 'reduce' });

  test('the dashboard header offers Add widget and a ⋮ menu (screenshots, axe)', async ({
    page,
    request,
  }) => {
    await openSupportOverview(page, request, 'Why calls ended');
    await expect(page.getByRole('button', { name: 'Add widget' })).toBeVisible();
    await page.getByRole('button', { name: 'Dashboard actions' }).click();
    const menu = page.getByRole('menu', { name: 'Dashboard actions' });
    await expect(menu.getByRole('menuitem')).toHaveText(['Rename', 'Duplicate', 'Delete']);
    await screenshot(page, 'dashboard-menu');
    await expectAxeClean(page);
  });

  test('after the field changes the editor offers the description as the name (screenshot)', async ({
    page,
    request,
  }) => {
    const sample = await supportOverview(request);
    const widget = sample.widgets.find((w) => w.name === 'Call duration');
    if (!widget) throw new Error('widget missing');
    const editor = widgetEditorPage(page);
    await editor.gotoWidget(sample.id, widget.id);
    await expect(page.getByTestId('editor-preview')).toHaveAttribute('data-preview-state', 'ready');
    await editor.fieldButton.click();
    await editor.fieldSearch.fill('success');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: /^Rename to “/ })).toBeVisible();
    await editor.chartType('Bar').check({ force: true });
    await expect(page.getByLabel('Show points on lines')).toHaveCount(0);
    // The picture shows the bars the new settings draw, not the line still faded while they load.
    const preview = page.getByTestId('editor-preview');
    await expect(preview.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(preview).toHaveAttribute('data-preview-state', 'ready');
    await screenshot(page, 'widget-editor-rename-offer');
  });
});

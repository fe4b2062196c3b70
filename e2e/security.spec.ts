import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import * as z from 'zod';
import { E2E_API_KEY, WRITES_CALLS } from '../playwright.config.ts';
import { dashboardPage } from './pages/dashboard-page.ts';
import { dashboardsPage } from './pages/dashboards-page.ts';
import {
  dumpStorage,
  installSecurityProbe,
  readSecurityProbe,
  type StorageDump,
} from './pages/security-probe.ts';

// Hostile input on every screen (issue 6): an XSS corpus stored through the API (dashboard and widget
// names, metadata values) and as call data (call ended reasons and metadata, which become pie
// labels, legends and tooltips). On every screen and dialog: no script runs (no dialog, the
// `window.__xss` canary stays unset), the browser reports no CSP violation (nothing even tried), no
// element with an inline handler or a javascript: link exists, and the hostile text is shown as text.
// Then the key-leak check over the built assets, the server log, storage and visited URLs.
// The hostile calls land in the project every other spec reads: these tests run alone, after the others
// (the `writes-calls` project of playwright.config.ts), in this order, in one worker.

const headers = { 'X-CEKURA-API-KEY': E2E_API_KEY };
const RTL = '\u202Eexe.txt\u202C';
const LONG = `Long ${'W'.repeat(240)}`;
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1;alert(1)">',
  '"><svg onload="window.__xss=2;alert(2)">',
  'javascript:window.__xss=3;alert(3)',
  `'><script>window.__xss=4</script>`,
  `Invoice ${RTL} review`,
  '<a href="javascript:alert(5)" data-xss>click</a>',
] as const;
const [IMG, SVG, JS_URL, SCRIPT, RTL_NAME, LINK] = PAYLOADS;

const IdSchema = z.object({ id: z.number() });
const ListSchema = z.object({
  results: z.array(z.object({ id: z.number(), name: z.string().nullable(), project: z.number().nullable() })),
});

async function api(
  request: APIRequestContext,
  method: string,
  path: string,
  data?: unknown,
): Promise<unknown> {
  const response = await request.fetch(path, { method, headers, data });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return response.status() === 204 ? null : response.json();
}

const LAST_7_DAYS = {
  operator: 'and',
  conditions: [
    { field: 'timestamp', op: 'gte', value: 'today-7d' },
    { field: 'timestamp', op: 'lte', value: 'now' },
  ],
};

let dashboardId = 0;
let widgetIds: number[] = [];

/**
 * Calls whose ended reason and metadata carry the payloads, written through the API (`POST
 * /observability/v2/call-logs/`, as an analyst's own data would arrive).
 */
async function insertHostileCalls(request: APIRequestContext, projectId: number): Promise<void> {
  // An agent of the project: the metrics list names the agents each metric is linked to.
  const metrics = z
    .array(z.object({ agents: z.array(z.number()).nullable().optional() }))
    .parse(await api(request, 'GET', `/test_framework/v1/metrics/?project_id=${projectId}`));
  const agent = metrics.flatMap((metric) => metric.agents ?? [])[0] ?? null;
  const now = Date.now();
  for (const [index, payload] of PAYLOADS.entries()) {
    for (let copy = 0; copy < 3 + index; copy++) {
      const ts = now - (index * 5 + copy + 1) * 3_600_000;
      await api(request, 'POST', '/observability/v2/call-logs/', {
        call_id: `hostile-${index}-${copy}-${now}`,
        project: projectId,
        agent,
        timestamp: new Date(ts).toISOString(),
        duration: 60 + copy,
        success: copy % 2 === 1,
        call_ended_reason: payload,
        topic: payload,
        metadata: { region: payload, note: LONG },
      });
    }
  }
}

test.beforeAll(async ({ request }) => {
  const list = ListSchema.parse(await api(request, 'GET', '/dashboards/dashboards/'));
  const project = list.results.find((d) => d.project !== null)?.project;
  if (!project) throw new Error('no project');
  await insertHostileCalls(request, project);
  dashboardId = IdSchema.parse(
    await api(request, 'POST', '/dashboards/dashboards/', {
      name: `${IMG} ${SVG}`,
      project,
      filters: LAST_7_DAYS,
    }),
  ).id;
  const layout = (i: number) => ({ layout: { x: (i % 3) * 4, y: Math.floor(i / 3) * 4, w: 4, h: 4 } });
  const created = z.object({ created: z.array(IdSchema) }).parse(
    await api(request, 'POST', `/dashboards/dashboards/${dashboardId}/bulk_widgets/`, {
      create: [
        {
          name: IMG,
          chart_type: 'pie',
          field: 'call_ended_reason',
          metadata: { ...layout(0), note: SCRIPT },
        },
        { name: SVG, chart_type: 'pie', field: 'metadata.region', metadata: { ...layout(1), link: JS_URL } },
        {
          name: JS_URL,
          chart_type: 'bar',
          field: 'call_ended_reason',
          aggregation_function: 'count',
          time_period: 'day',
          group_by: { type: 'field', field: 'metadata.region' },
          metadata: { ...layout(2), html: LINK },
        },
        { name: RTL_NAME, chart_type: 'stat', field: '', metadata: layout(3) },
        { name: LONG, chart_type: 'line', field: 'duration', metadata: { ...layout(4), note: IMG } },
        { name: SCRIPT, chart_type: 'pie', field: 'topic', metadata: layout(5) },
      ],
    }),
  );
  widgetIds = created.created.map((w) => w.id);
});

const visited: string[] = [];
const storage: StorageDump[] = [];

async function expectNothingRan(page: Page, screen: string, dialogs: string[]) {
  const probe = await readSecurityProbe(page);
  expect(dialogs, `${screen}: dialogs`).toEqual([]);
  expect(probe.xss, `${screen}: canary`).toBeUndefined();
  expect(probe.violations, `${screen}: CSP violations`).toEqual([]);
  expect(probe.inlineHandlers, `${screen}: inline handlers`).toEqual([]);
  expect(probe.javascriptLinks, `${screen}: javascript: links`).toEqual([]);
  expect(probe.injectedElements, `${screen}: injected elements`).toBe(0);
  storage.push(await dumpStorage(page));
  visited.push(page.url());
}

async function waitForCards(page: Page) {
  await expect(page.locator('article[data-widget-id]').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('article[data-widget-id][data-status="loading"]')).toHaveCount(0, {
    timeout: 30_000,
  });
}

test(
  'the XSS corpus renders as text on the dashboards list and its dialogs',
  WRITES_CALLS,
  async ({ page }) => {
    const { dialogs } = await installSecurityProbe(page);
    page.on('framenavigated', (frame) => visited.push(frame.url()));
    const list = dashboardsPage(page);
    await list.goto();
    const name = `${IMG} ${SVG}`;
    await expect(list.link(name)).toBeVisible();
    await expectNothingRan(page, 'list', dialogs);

    await list.renameButton(name).click();
    await expect(list.renameDialog.name).toHaveValue(name);
    await expectNothingRan(page, 'rename dialog', dialogs);
    await page.keyboard.press('Escape');

    await list.deleteButton(name).click();
    await expect(list.deleteDialog.widgets).toContainText(IMG);
    await expect(list.deleteDialog.widgets).toContainText(SCRIPT);
    await expectNothingRan(page, 'delete dialog', dialogs);
    await page.keyboard.press('Escape');

    await list.newButton.click();
    await list.createDialog.name.fill(SVG);
    await expectNothingRan(page, 'create dialog', dialogs);
    await page.keyboard.press('Escape');

    // A very long name must not push the page sideways.
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(Number(overflow), 'horizontal overflow on the list').toBeLessThanOrEqual(0);
  },
);

test(
  'the XSS corpus renders as text on the dashboard view, its charts, menus and dialogs',
  WRITES_CALLS,
  async ({ page }) => {
    const { dialogs } = await installSecurityProbe(page);
    page.on('framenavigated', (frame) => visited.push(frame.url()));
    const view = dashboardPage(page);
    await view.goto(dashboardId);
    await waitForCards(page);
    await expect(view.heading).toHaveText(`${IMG} ${SVG}`);
    await expect(view.card(IMG)).toBeVisible();
    // The hostile ended reasons are pie labels or legend entries: drawn as SVG text, not markup.
    await expect(view.card(IMG).locator('.recharts-pie-sector').first()).toBeVisible();
    await expectNothingRan(page, 'dashboard view', dialogs);

    // Tooltips show the labels too.
    for (const sector of (await view.card(IMG).locator('.recharts-pie-sector').all()).slice(0, 4)) {
      await sector.hover({ force: true });
    }
    await view.card(SVG).locator('.recharts-pie-sector').first().hover({ force: true });
    await expectNothingRan(page, 'chart tooltips', dialogs);

    await page.getByRole('button', { name: `Actions for ${IMG}` }).click();
    await expect(page.getByRole('menu', { name: `Actions for ${IMG}` })).toBeVisible();
    await expectNothingRan(page, 'card menu', dialogs);
    await page.keyboard.press('Escape');

    await page
      .getByRole('button', { name: /filters/i })
      .first()
      .click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNothingRan(page, 'edit filters dialog', dialogs);
    await page.keyboard.press('Escape');

    await view.goto(dashboardId, { edit: true });
    await waitForCards(page);
    await expectNothingRan(page, 'edit layout mode', dialogs);
    if ((await view.addWidget.count()) > 0) {
      await view.addWidget.first().click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNothingRan(page, 'add widget dialog', dialogs);
      await page.keyboard.press('Escape');
    }

    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(Number(overflow), 'horizontal overflow on the dashboard').toBeLessThanOrEqual(0);
  },
);

test('the XSS corpus renders as text in the widget editor', WRITES_CALLS, async ({ page }) => {
  const { dialogs } = await installSecurityProbe(page);
  page.on('framenavigated', (frame) => visited.push(frame.url()));
  for (const id of widgetIds) {
    await page.goto(`/dashboards/${dashboardId}/widgets/${id}/edit`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Name' })).toBeVisible();
    await expectNothingRan(page, `editor of widget ${id}`, dialogs);
  }
  // An unsaved edit leaves a draft in local storage: the leak check below reads it.
  await page.getByRole('textbox', { name: 'Name' }).fill(`${SVG} edited`);
  await expect
    .poll(
      async () =>
        Object.keys((await dumpStorage(page)).local).some((key) => key.startsWith('widget-studio:draft:')),
      {
        timeout: 10_000,
      },
    )
    .toBe(true);
  await expectNothingRan(page, 'editor with a draft', dialogs);
});

test('the API key is in no asset, log line, draft, storage entry or URL', WRITES_CALLS, async ({ page }) => {
  await page.goto('/dashboards');
  storage.push(await dumpStorage(page));
  for (const snapshot of storage) visited.push(snapshot.url);
  const probeFile = join('test-results', 'secrets-probe.json');
  mkdirSync('test-results', { recursive: true });
  writeFileSync(probeFile, JSON.stringify({ urls: [...new Set(visited)], storage }, null, 2));
  const dbDir = process.env.E2E_DB_DIR ?? '';
  const result = spawnSync(
    process.execPath,
    [
      'scripts/check-secrets.mjs',
      '--key',
      E2E_API_KEY,
      '--dir',
      'dist',
      '--file',
      join(dbDir, 'server.log'),
      '--probe',
      probeFile,
    ],
    { encoding: 'utf8' },
  );
  expect(result.stderr + result.stdout).toContain('check-secrets: clean');
  expect(result.status).toBe(0);
  expect(visited.length).toBeGreaterThan(3);
});

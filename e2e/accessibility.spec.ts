import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import * as z from 'zod';
import { E2E_API_KEY } from '../playwright.config.ts';
import { coloursSettled } from './pages/colours-settled.ts';
import { dashboardPage } from './pages/dashboard-page.ts';
import { filterBuilder } from './pages/filter-builder.ts';
import { dashboardsPage } from './pages/dashboards-page.ts';
import { widgetEditorPage } from './pages/widget-editor-page.ts';

// axe-core on every screen and dialog, light and dark (issue 6): no serious or critical violation.
// A failure lists every violation with its rule, impact and the first offending nodes, per screen.
// Then a keyboard-only walk: create a dashboard → add a widget → edit its filters → save.

test.use({ reducedMotion: 'reduce' });
const headers = { 'X-CEKURA-API-KEY': E2E_API_KEY };
const ListSchema = z.object({
  results: z.array(z.object({ id: z.number(), name: z.string().nullable(), widget_count: z.unknown() })),
});
const DashboardSchema = z.object({ id: z.number(), widgets: z.array(z.object({ id: z.number() })) });

async function sample(request: APIRequestContext): Promise<{ id: number; widgetId: number }> {
  const response = await request.get('/dashboards/dashboards/', { headers });
  const found = ListSchema.parse(await response.json()).results.find((d) => d.name === 'Support overview');
  if (!found) throw new Error('sample dashboard missing');
  const detail = DashboardSchema.parse(
    await (await request.get(`/dashboards/dashboards/${found.id}/`, { headers })).json(),
  );
  return { id: found.id, widgetId: detail.widgets[0]?.id ?? 0 };
}

interface Finding {
  screen: string;
  scheme: string;
  rule: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** Serious and critical violations of the page as it is now, in light and in dark. */
async function audit(page: Page, screen: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    // Colours change with a CSS transition: audit the settled page, not a frame in between.
    await coloursSettled(page);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    for (const violation of results.violations) {
      if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
      findings.push({
        screen,
        scheme,
        rule: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes
          .slice(0, 4)
          .map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`.slice(0, 300)),
      });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return findings;
}

/**
 * Violations already reported to their owners (issue 6 report), tolerated so that any NEW violation
 * fails; each is still printed and attached to the run. Remove an entry when its fix lands.
 */
const KNOWN: { rule: string; node: string; owner: string }[] = [];

function isKnown(finding: Finding): boolean {
  return KNOWN.some((k) => k.rule === finding.rule && finding.nodes.every((n) => n.includes(k.node)));
}

function expectNoNewViolations(findings: Finding[]): void {
  const known = findings.filter(isKnown);
  if (known.length > 0) {
    const text = report(known);
    console.warn(`KNOWN accessibility violations (reported to their owners):\n${text}`);
    test.info().annotations.push({ type: 'known a11y violations', description: text });
  }
  const fresh = findings.filter((f) => !isKnown(f));
  expect(fresh, report(fresh)).toEqual([]);
}

function report(findings: Finding[]): string {
  return findings
    .map((f) => `[${f.screen} / ${f.scheme}] ${f.impact} ${f.rule}: ${f.help}\n    ${f.nodes.join('\n    ')}`)
    .join('\n');
}

async function waitForCards(page: Page) {
  await expect(page.locator('article[data-widget-id]').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('article[data-widget-id][data-status="loading"]')).toHaveCount(0, {
    timeout: 30_000,
  });
}

test('dashboards list, its dialogs and the connection screen', async ({ page }) => {
  const findings: Finding[] = [];
  const list = dashboardsPage(page);
  await list.goto();
  await expect(list.link('Support overview')).toBeVisible();
  findings.push(...(await audit(page, 'dashboards list')));

  await list.newButton.click();
  await expect(list.createDialog.root).toBeVisible();
  findings.push(...(await audit(page, 'new dashboard dialog')));
  await page.keyboard.press('Escape');

  await list.renameButton('Support overview').click();
  await expect(list.renameDialog.root).toBeVisible();
  findings.push(...(await audit(page, 'rename dialog')));
  await page.keyboard.press('Escape');

  await list.deleteButton('Support overview').click();
  await expect(list.deleteDialog.root).toBeVisible();
  findings.push(...(await audit(page, 'delete dialog')));
  await page.keyboard.press('Escape');

  await page.goto('/connection');
  await expect(page.getByRole('heading', { name: 'Connection', level: 1 })).toBeVisible();
  findings.push(...(await audit(page, 'connection screen')));

  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  findings.push(...(await audit(page, '404 page')));

  expectNoNewViolations(findings);
});

test('dashboard view, edit mode and their dialogs', async ({ page, request }) => {
  // Seven screens, each audited twice: about 50 s alone, more beside another worker on 2 cores.
  test.setTimeout(120_000);
  const { id } = await sample(request);
  const findings: Finding[] = [];
  const view = dashboardPage(page);
  await view.goto(id);
  await waitForCards(page);
  findings.push(...(await audit(page, 'dashboard view')));

  await page.getByRole('button', { name: 'Edit dashboard filters' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  findings.push(...(await audit(page, 'edit dashboard filters dialog')));
  // A text condition with the values of the calls suggested.
  const builder = filterBuilder(page, page.getByRole('dialog'));
  await builder.addCondition(builder.rootGroup).click();
  const condition = builder.condition('Condition 1 of group All of, level 1');
  await condition.field.click();
  await builder.fieldOption('Topic').click();
  await condition.value.click();
  await expect(condition.suggestions).toBeVisible();
  findings.push(...(await audit(page, 'value suggestions')));
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  const firstMenu = page.getByRole('button', { name: /^Actions for / }).first();
  await firstMenu.click();
  await expect(page.getByRole('menu')).toBeVisible();
  findings.push(...(await audit(page, 'card menu')));
  await page.keyboard.press('Escape');

  await view.goto(id, { edit: true });
  await waitForCards(page);
  findings.push(...(await audit(page, 'dashboard edit mode')));
  await view.addWidget.first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  findings.push(...(await audit(page, 'add widget dialog')));
  await page.keyboard.press('Escape');

  expectNoNewViolations(findings);
});

test('live dashboard: variables, their values, saved views and wall mode', async ({ page, request }) => {
  // Six screens, each audited twice.
  test.setTimeout(180_000);
  const { id } = await sample(request);
  const findings: Finding[] = [];
  const view = dashboardPage(page);
  await page.goto(`/dashboards/${id}?vars=metadata.region&v.metadata.region=US&group=topic&refresh=5m`);
  await waitForCards(page);
  findings.push(...(await audit(page, 'dashboard with variables and group by')));
  await view.variable('Region').click();
  await expect(view.variableChoices.first()).toBeVisible();
  findings.push(...(await audit(page, 'variable values')));
  await page.keyboard.press('Escape');
  await view.savedViews.click();
  await expect(view.savedViewsPanel).toBeVisible();
  findings.push(...(await audit(page, 'saved views')));
  await page.keyboard.press('Escape');

  // Wall mode sets its own scheme (dark by default, light on request): both are audited.
  await page.goto(`/wall?d=${id}`);
  await waitForCards(page);
  findings.push(...(await audit(page, 'wall mode (dark)')));
  await page.goto(`/wall?d=${id}&theme=light`);
  await waitForCards(page);
  findings.push(...(await audit(page, 'wall mode (light)')));
  await page.goto('/wall');
  await expect(page.getByRole('heading', { name: 'Wall mode' })).toBeVisible();
  findings.push(...(await audit(page, 'wall mode set-up')));
  expectNoNewViolations(findings);
});

test('widget editor with an open filter builder', async ({ page, request }) => {
  const { id, widgetId } = await sample(request);
  const editor = widgetEditorPage(page);
  await editor.gotoWidget(id, widgetId);
  await expect(editor.heading).toBeVisible();
  await expect(editor.name).toBeVisible();
  const findings: Finding[] = [...(await audit(page, 'widget editor'))];
  const addCondition = page.getByRole('button', { name: 'Add condition' }).first();
  await addCondition.click();
  findings.push(...(await audit(page, 'widget editor, filter builder open')));
  expectNoNewViolations(findings);
});

test('keyboard only: create a dashboard, add a widget, edit its filters, save', async ({ page }) => {
  const name = `Keyboard board ${Date.now()}`;
  await page.goto('/dashboards');
  const list = dashboardsPage(page);
  await expect(list.link('Support overview')).toBeVisible();

  /** Tabs until the focused element's name matches (the current focus counts), failing after `limit` presses. */
  async function tabTo(accessibleName: RegExp, limit = 150, key: 'Tab' | 'Shift+Tab' = 'Tab') {
    for (let i = 0; i <= limit; i++) {
      const focused = await page.evaluate(
        '(() => { const e = document.activeElement; return e ? (e.getAttribute("aria-label") || e.textContent || "").trim() : ""; })()',
      );
      if (accessibleName.test(String(focused))) return;
      await page.keyboard.press(key);
    }
    throw new Error(`could not reach ${accessibleName} with Tab`);
  }

  await tabTo(/^New dashboard$/);
  await page.keyboard.press('Enter');
  await expect(list.createDialog.name).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/dashboards\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

  await tabTo(/^Add widget$/);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add a widget' });
  await expect(dialog).toBeVisible();
  await tabTo(/^Blank widget$/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/widgets\/new$/);
  const editor = widgetEditorPage(page);
  await expect(editor.name).toBeVisible();
  await tabTo(/^Add condition$/);
  await page.keyboard.press('Enter');
  // The new condition's field picker has the focus: pick a field by typing, then a value.
  await expect(page.getByRole('combobox', { name: 'Field' }).last()).toBeFocused();
  await page.keyboard.type('Topic');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Summary: Topic/)).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Billing');
  await expect(page.getByText('Summary: Topic is "Billing"', { exact: true })).toBeVisible();
  await tabTo(/^Create widget$/, 200, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/widgets\/\d+\/edit$/, { timeout: 15_000 });
});

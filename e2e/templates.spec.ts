import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DashboardListSchema, DashboardSchema } from '../src/contract/dashboard-schema.ts';
import { MetricListResponseSchema } from '../src/contract/metric-schema.ts';
import { paginated } from '../src/contract/paginated-schema.ts';
import { apiJson } from './pages/api-json.ts';
import { dashboardPage } from './pages/dashboard-page.ts';
import { dashboardsPage } from './pages/dashboards-page.ts';
import { coloursSettled } from './pages/colours-settled.ts';

test.use({ reducedMotion: 'reduce' });

test('new from template → each widget previewed on the project → the dashboard is created', async ({
  page,
  request,
}) => {
  const list = await apiJson(request, 'GET', '/dashboards/dashboards/', paginated(DashboardListSchema));
  const project = list.results.find((d) => d.name === 'Sales performance')?.project;
  if (project === undefined || project === null) throw new Error('no sales project');
  const metrics = await apiJson(
    request,
    'GET',
    `/test_framework/v1/metrics/?project_id=${project}`,
    MetricListResponseSchema,
  );

  await dashboardsPage(page).goto();
  await page.getByRole('button', { name: 'New from template' }).click();
  const dialog = page.getByRole('dialog', { name: 'New from template' });
  await dialog.getByRole('combobox', { name: 'For project' }).selectOption(String(project));
  await dialog.getByRole('radio', { name: /Customer experience/ }).click();
  const widget = (name: string) =>
    dialog.getByRole('list', { name: 'Widgets to create' }).getByRole('listitem', { name, exact: true });
  // The list's own items: a drawn pie's legend is a list too, and its entries are list items as well.
  await expect(dialog.getByRole('list', { name: 'Widgets to create' }).locator(':scope > li')).toHaveCount(4);
  // Bound by type: enum → pie, numeric → p95 bar, binary → rate; each drawn before anything is created.
  await expect(widget('Sentiment').locator('.recharts-pie-sector').first()).toBeVisible({ timeout: 20_000 });
  await expect(widget('CSAT p95 per day').locator('.recharts-bar-rectangle').first()).toBeVisible({
    timeout: 20_000,
  });
  await expect(widget('Intent resolved rate per day').locator('.recharts-bar-rectangle').first()).toBeVisible(
    {
      timeout: 20_000,
    },
  );
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({
      path: `docs/screenshots/template-gallery-${scheme}.png`,
      animations: 'disabled',
    });
    // The colour scheme just changed: buttons fade to their new colours; read the settled page.
    await coloursSettled(page);
    const audit = await new AxeBuilder({ page })
      .include('dialog')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(
      audit.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${scheme} ${v.id}: ${v.nodes[0]?.target.join(' ')}`),
    ).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  await dialog.getByRole('button', { name: 'Create dashboard' }).click();
  const dashboard = dashboardPage(page);
  await expect(dashboard.heading).toHaveText('Customer experience');
  await expect(dashboard.cards).toHaveCount(4);
  await expect(dashboard.card('Sentiment').locator('.recharts-pie-sector').first()).toBeVisible({
    timeout: 20_000,
  });
  const id = Number(/\/dashboards\/(\d+)$/.exec(page.url())?.[1]);
  const created = await apiJson(request, 'GET', `/dashboards/dashboards/${id}/`, DashboardSchema);
  expect(created.project).toBe(project);
  expect(created.widgets.find((w) => w.name === 'Sentiment')?.metric).toBe(
    metrics.find((m) => m.name === 'Sentiment')?.id,
  );
});

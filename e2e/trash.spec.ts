import { expect, test } from '@playwright/test';
import { DashboardSchema } from '../src/contract/dashboard-schema.ts';
import { apiJson, copyOfSupportOverview } from './pages/api-json.ts';
import { dashboardPage } from './pages/dashboard-page.ts';
import { dashboardsPage } from './pages/dashboards-page.ts';

test.use({ reducedMotion: 'reduce' });

test('delete a dashboard → restore it from the trash with its widgets, layout and id', async ({
  page,
  request,
}) => {
  const copy = await copyOfSupportOverview(request, 'Trash golden path');

  const dashboards = dashboardsPage(page);
  await dashboards.goto();
  await dashboards.deleteButton('Trash golden path').click();
  await dashboards.deleteDialog.confirm.click();
  await expect(dashboards.link('Trash golden path')).toHaveCount(0);

  await page.getByRole('banner').getByRole('link', { name: 'Trash' }).click();
  await expect(page.getByRole('heading', { name: 'Trash', level: 1 })).toBeVisible();
  const entry = page
    .getByRole('list', { name: 'Deleted items' })
    .getByRole('listitem', { name: 'Trash golden path' });
  await expect(entry).toContainText('7 widgets');
  await entry.getByRole('button', { name: 'Restore Trash golden path' }).click();
  await expect(entry).toHaveCount(0);
  await page.getByRole('button', { name: 'Open' }).click();

  const dashboard = dashboardPage(page);
  await expect(dashboard.heading).toHaveText('Trash golden path');
  await expect(dashboard.cards).toHaveCount(7);
  const back = await apiJson(request, 'GET', `/dashboards/dashboards/${copy.id}/`, DashboardSchema);
  expect(back.widgets.map((w) => [w.id, w.metadata])).toEqual(copy.widgets.map((w) => [w.id, w.metadata]));
});

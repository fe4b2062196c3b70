import { expect, test } from '@playwright/test';
import { appShell } from './pages/app-shell.ts';
import { dashboardsPage } from './pages/dashboards-page.ts';

test('the app loads on the dashboards list, connected, with no console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto('/');
  const shell = appShell(page);
  const list = dashboardsPage(page);
  await expect(page).toHaveURL(/\/dashboards$/);
  await expect(shell.appName).toBeVisible();
  await expect(list.heading).toBeVisible();
  await expect(list.rows.nth(1)).toBeVisible();
  await expect(shell.connectionStatus).toHaveAccessibleName('Connection: Embedded server, Connected');
  await expect(page).toHaveTitle('Dashboards · Widget Studio');
  expect(errors).toEqual([]);
});

test('an unknown address shows the 404 page inside the shell', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to dashboards' }).click();
  await expect(dashboardsPage(page).heading).toBeVisible();
});

test('going offline shows the banner and the status; coming back clears them', async ({ page, context }) => {
  await page.goto('/dashboards');
  const shell = appShell(page);
  await expect(shell.connectionStatus).toHaveAccessibleName(/Connected/);
  await context.setOffline(true);
  await expect(shell.offlineBanner).toBeVisible();
  await expect(shell.connectionStatus).toHaveAccessibleName('Connection: Embedded server, Offline');
  await context.setOffline(false);
  await expect(shell.offlineBanner).toBeHidden();
});

test('back and forward keep the user where they were', async ({ page }) => {
  await page.goto('/dashboards');
  await appShell(page).navLink('Connection').click();
  await expect(page).toHaveURL(/\/connection$/);
  await page.goBack();
  await expect(dashboardsPage(page).heading).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { name: 'Connection', level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Connection', level: 1 })).toBeVisible();
});

import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { E2E_API_KEY } from '../playwright.config.ts';
import { appShell } from './pages/app-shell.ts';
import { connectionPage } from './pages/connection-page.ts';
import { dashboardsPage } from './pages/dashboards-page.ts';

async function screenshot(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({
      path: `docs/screenshots/${name}-${scheme}.png`,
      fullPage: true,
      animations: 'disabled',
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('the connection screen shows the silent local connection', async ({ page }) => {
  const screen = connectionPage(page);
  await screen.goto();
  await expect(screen.current).toContainText('Embedded server');
  await expect(screen.current).toContainText('Using the local key handed out by the embedded server.');
  await expect(screen.embeddedOption).toBeChecked();
  // Nothing on this screen loads data: the header checks the connection by itself.
  await expect(appShell(page).connectionStatus).toHaveAccessibleName(
    'Connection: Embedded server, Connected',
  );
  await screenshot(page, 'connection');
});

test('a wrong key shows the 401 message', async ({ page, baseURL }) => {
  const screen = connectionPage(page);
  await screen.goto();
  await screen.customOption.check();
  await screen.baseUrl.fill(baseURL ?? '');
  await screen.apiKey.fill('ws_not_a_real_key');
  await screen.testButton.click();
  await expect(screen.failure).toContainText('401 Unauthorized: Invalid API key.');
  await expect(screen.failure).not.toContainText('ws_not_a_real_key');
  // The test does not switch connections: the app itself stays connected.
  await expect(appShell(page).connectionStatus).toHaveAccessibleName(
    'Connection: Embedded server, Connected',
  );
  await screenshot(page, 'connection-401');
});

test('a blocked cross-origin API explains forwarding mode', async ({ page }) => {
  const screen = connectionPage(page);
  await screen.goto();
  await screen.customOption.check();
  await screen.baseUrl.fill('https://api.cekura.ai');
  await screen.apiKey.fill('sk_test_secret');
  await screen.testButton.click();
  await expect(screen.failure).toContainText(
    'The browser blocked a cross-origin request to https://api.cekura.ai',
    {
      timeout: 20_000,
    },
  );
  await expect(screen.failure).toContainText('UPSTREAM_URL=https://api.cekura.ai CEKURA_API_KEY=… npm start');
  await expect(appShell(page).connectionStatus).toHaveAccessibleName(
    'Connection: Embedded server, Connected',
  );
  await screenshot(page, 'connection-cors');
});

test('switching to a custom connection and back', async ({ page, baseURL }) => {
  const screen = connectionPage(page);
  await screen.goto();
  await screen.customOption.check();
  await screen.baseUrl.fill(baseURL ?? '');
  await screen.apiKey.fill(E2E_API_KEY);
  await screen.useButton.click();
  await expect(dashboardsPage(page).link('Support overview')).toBeVisible();
  await screen.goto();
  await expect(screen.current).toContainText('Using your key for this browser session.');
  await screen.switchBack.click();
  await expect(screen.current).toContainText('Using the local key handed out by the embedded server.');
});

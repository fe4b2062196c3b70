import type { Locator, Page } from '@playwright/test';

/** The header, navigation, connection badge and notifications present on every screen. */
export function appShell(page: Page) {
  const header = page.getByRole('banner');
  const toasts = page.getByRole('region', { name: 'Notifications' });
  return {
    header,
    appName: header.getByRole('link', { name: 'Widget Studio' }),
    nav: page.getByRole('navigation', { name: 'Main' }),
    navLink: (name: 'Dashboards' | 'Connection'): Locator =>
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }),
    connectionStatus: header.getByRole('link', { name: /^Connection: / }),
    offlineBanner: page.getByRole('status').filter({ hasText: 'You are offline' }),
    toasts,
    toast: (text: string | RegExp): Locator => toasts.getByText(text),
  };
}

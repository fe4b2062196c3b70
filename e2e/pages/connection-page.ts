import type { Page } from '@playwright/test';

/** The Connection screen (`/connection`). */
export function connectionPage(page: Page) {
  return {
    goto: () => page.goto('/connection'),
    heading: page.getByRole('heading', { name: 'Connection', level: 1 }),
    current: page.getByRole('region', { name: 'Current connection' }),
    embeddedOption: page.getByRole('radio', { name: /Embedded server/ }),
    customOption: page.getByRole('radio', { name: /Another Cekura-compatible API/ }),
    baseUrl: page.getByRole('textbox', { name: 'Base URL' }),
    apiKey: page.getByLabel('API key'),
    remember: page.getByRole('checkbox', { name: 'Remember on this device' }),
    testButton: page.getByRole('button', { name: 'Test connection' }),
    useButton: page.getByRole('button', { name: 'Use this connection' }),
    switchBack: page.getByRole('button', { name: 'Switch back to the embedded server' }),
    failure: page.getByRole('alert').filter({ hasText: 'Connection failed' }),
    success: page.getByRole('status').filter({ hasText: 'Connection works' }),
  };
}

import type { Page } from '@playwright/test';
import * as z from 'zod';

const LogSchema = z.array(z.object({ method: z.string(), url: z.string(), at: z.number() }));

/**
 * Records, in the page, every `fetch` the app starts, at the moment it is called, with the page's
 * `performance.now()` then (the page's clock when one is installed). Checks that something
 * did NOT happen read this log: a request the app starts from a timer is in it as soon as
 * `page.clock.runFor` has run that timer, whereas Playwright's `request` event arrives later, over the
 * protocol. Install before the first navigation.
 */
export async function recordFetches(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: { method: string; url: string; at: number }[] = [];
    Object.assign(window, { __fetchLog: log });
    const original = window.fetch.bind(window);
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
      const at = performance.now();
      log.push({ method: method.toUpperCase(), url: new URL(url, location.href).href, at });
      return original(input, init);
    };
  });
}

/** The fetches the page has started so far, or those whose method and path (with query) match. */
export async function fetchesSoFar(page: Page, match: { method?: string; path?: RegExp } = {}) {
  const log = LogSchema.parse(await page.evaluate((): unknown => Reflect.get(window, '__fetchLog') ?? []));
  return log.filter((entry) => {
    const url = new URL(entry.url);
    return (
      (match.method === undefined || entry.method === match.method) &&
      (match.path === undefined || match.path.test(url.pathname + url.search))
    );
  });
}

import type { Page } from '@playwright/test';

/**
 * Resolves once every finite CSS transition and animation on the page has finished: after
 * `emulateMedia({ colorScheme })` the colours move with a transition, and axe or a screenshot must see
 * the settled page, not a frame in between. `document.getAnimations()` flushes styles first, so the
 * transitions the scheme change starts are in the list; infinite ones (spinners) are left out.
 */
export async function coloursSettled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

import type { Page } from '@playwright/test';

/**
 * Resolves after the page has painted two more frames: whatever it was doing with an answer it has
 * just received (parse, state update, render) is on screen by then. A sync point, not a wait for time.
 */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { WRITES_CALLS } from '../playwright.config.ts';
import { coloursSettled } from './pages/colours-settled.ts';

test.use({ reducedMotion: 'reduce' });

const SAMPLE = 'docs/examples/sample-calls.jsonl';

async function capture(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await coloursSettled(page);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await page.screenshot({ path: `docs/screenshots/import-calls-${name}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

// The imported calls land in the project every other spec reads: it runs alone, after the others (the
// `writes-calls` project of playwright.config.ts).
test('import the sample export, then a broken CSV that stores nothing', WRITES_CALLS, async ({ page }) => {
  await page.goto('/dashboards');
  await page.getByRole('banner').getByRole('link', { name: 'Import calls' }).click();
  await expect(page.getByRole('heading', { name: 'Import calls', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'Import calls' });
  await expect(form.getByLabel('Project')).toHaveValue('1');
  await capture(page, 'empty');

  await form.getByLabel('Call log file').setInputFiles(SAMPLE);
  await form.getByRole('button', { name: 'Import' }).click();
  const finished = page.getByRole('status').filter({ hasText: 'Import finished' });
  await expect(finished).toBeVisible();
  await expect(finished).toContainText(/\d+ new calls stored, \d+ already present \(251 rows/);
  await capture(page, 'done');

  await form.getByLabel('Call log file').setInputFiles({
    name: 'broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('call_id,topic,metadata.region\nc1,billing,eu\nc2,billing\n'),
  });
  await form.getByRole('button', { name: 'Import' }).click();
  const failed = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
  await expect(failed).toContainText('Line 3: the row has 2 cells, the header 3.');
  await capture(page, 'error');

  await form.getByLabel('Skip invalid rows').check();
  await form.getByLabel('Call log file').setInputFiles({
    name: 'some-bad.jsonl',
    mimeType: 'application/json',
    buffer: Buffer.from('{"call_id":"e2e-ok"}\n{"call_id":"e2e-bad","agent":999}\n'),
  });
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('list', { name: 'Reported rows' })).toContainText(
    'line 2 (call_id e2e-bad): agent: Unknown agent id 999 in this project.',
  );
  await capture(page, 'skipped');
});

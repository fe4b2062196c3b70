import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import * as z from 'zod';
import { DashboardListSchema, DashboardSchema } from '../src/contract/dashboard-schema.ts';
import { paginated } from '../src/contract/paginated-schema.ts';
import { WidgetSchema } from '../src/contract/widget-schema.ts';
import { E2E_API_KEY } from '../playwright.config.ts';
import { fetchesSoFar, recordFetches } from './pages/fetch-log.ts';
import { nextFrames } from './pages/next-frames.ts';
import { widgetEditorPage } from './pages/widget-editor-page.ts';

const headers = { 'X-CEKURA-API-KEY': E2E_API_KEY };
// Charts draw without animation, as for a viewer who prefers reduced motion: stable screenshots.
test.use({ reducedMotion: 'reduce' });
const SAMPLE = 'Support overview';

type ApiDashboard = z.infer<typeof DashboardSchema>;

async function apiJson<T>(
  request: APIRequestContext,
  method: string,
  path: string,
  schema: z.ZodType<T>,
  data?: unknown,
): Promise<T> {
  const response = await request.fetch(path, { method, headers, data });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return schema.parse(await response.json());
}

/** A private copy of the sample dashboard, so that tests that write never disturb each other. */
async function copyOfSample(
  request: APIRequestContext,
  name: string,
  sampleName: string = SAMPLE,
): Promise<ApiDashboard> {
  const list = await apiJson(request, 'GET', '/dashboards/dashboards/', paginated(DashboardListSchema));
  const sample = list.results.find((d) => d.name === sampleName);
  if (!sample) throw new Error('sample dashboard missing');
  const copy = await apiJson(
    request,
    'POST',
    `/dashboards/dashboards/${sample.id}/duplicate/`,
    DashboardSchema,
    {
      name,
    },
  );
  // Other specs change the shared sample's date range; the copy starts from the seeded "last 7 days".
  return apiJson(request, 'PATCH', `/dashboards/dashboards/${copy.id}/`, DashboardSchema, {
    filters: {
      operator: 'and',
      conditions: [
        { field: 'timestamp', op: 'gte', value: 'today-7d' },
        { field: 'timestamp', op: 'lte', value: 'now' },
      ],
    },
  });
}

function widgetNamed(dashboard: ApiDashboard, name: string) {
  const widget = dashboard.widgets.find((w) => w.name === name);
  if (!widget) throw new Error(`widget ${name} missing`);
  return widget;
}

function getWidget(request: APIRequestContext, id: number) {
  return apiJson(request, 'GET', `/dashboards/widgets/${id}/`, WidgetSchema);
}

async function screenshot(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `docs/screenshots/${name}-${scheme}.png`, animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Counts `preview_data` requests the page sends. */
function countPreviews(page: Page) {
  const bodies: unknown[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/dashboards/widgets/preview_data/')) {
      bodies.push(r.postDataJSON());
    }
  });
  return bodies;
}

/**
 * In-page helpers for the latency measurement: the time of the last user input (capture phase, any
 * input, change, click or key), and a promise that resolves when the preview shows an answer for a new
 * body and two animation frames have been painted after it.
 */
const MEASURE_SCRIPT = `
  window.__lastInput = 0;
  for (const type of ['input', 'change', 'click', 'keyup']) {
    document.addEventListener(type, () => { window.__lastInput = performance.now(); }, true);
  }
  window.__armPaint = (previous) => {
    window.__painted = new Promise((resolve) => {
      const element = document.querySelector('[data-testid="editor-preview"]');
      const observer = new MutationObserver(() => {
        const key = element.dataset.previewKey || '';
        if (element.dataset.previewState === 'ready' && key !== '' && key !== previous) {
          observer.disconnect();
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
        }
      });
      observer.observe(element, { attributes: true, subtree: true, childList: true });
    });
  };
`;

async function waitForFreshPreview(page: Page) {
  await expect(page.getByTestId('editor-preview')).toHaveAttribute('data-preview-state', 'ready', {
    timeout: 15_000,
  });
}

test('a line widget becomes a bar of p95 duration per day, saved and shown on the dashboard', async ({
  page,
  request,
}) => {
  const dashboard = await copyOfSample(request, 'Editor golden path');
  const widget = widgetNamed(dashboard, 'Call duration');
  const editor = widgetEditorPage(page);
  await editor.gotoWidget(dashboard.id, widget.id);
  await expect(editor.heading).toHaveText('Call duration');
  await waitForFreshPreview(page);
  await expect(editor.previewLine).toBeVisible();
  await screenshot(page, 'widget-editor');

  await editor.chartTypeCard('Bar').click();
  await editor.aggregation.selectOption('p95');
  await editor.timePeriod.selectOption('day');
  await expect(editor.description).toHaveText('95th percentile of duration per day, last 7 days');
  await waitForFreshPreview(page);
  await expect(editor.previewBars.first()).toBeVisible();
  expect(await editor.previewBars.count()).toBeGreaterThan(3);
  await expect(editor.unsavedChanges).toHaveText('3 unsaved changes');

  await editor.save.click();
  await expect(editor.allSaved).toBeVisible();
  const saved = await getWidget(request, widget.id);
  expect(saved).toMatchObject({
    chart_type: 'bar',
    aggregation_function: 'p95',
    time_period: 'day',
    field: 'duration',
  });
  expect(saved.metadata).toEqual(widget.metadata);

  await page.reload();
  await expect(editor.chartType('Bar')).toBeChecked();
  await expect(editor.aggregation).toHaveValue('p95');
  await expect(editor.draftBanner).toHaveCount(0);

  await editor.backLink('Editor golden path').click();
  const card = page.getByRole('article', { name: 'Call duration', exact: true });
  await expect(card.locator('.recharts-bar-rectangle').first()).toBeVisible({ timeout: 15_000 });
});

test('a metric widget: an enum metric only allows pie', async ({ page, request }) => {
  const dashboard = await copyOfSample(request, 'Editor metric widget');
  const editor = widgetEditorPage(page);
  await editor.gotoNew(dashboard.id);
  await expect(editor.heading).toHaveText('New widget');
  await screenshot(page, 'widget-editor-new');
  await editor.name.fill('Caller sentiment');

  await editor.fieldButton.click();
  await editor.fieldSearch.fill('metric');
  await editor.option(/Metric value/).click();
  await expect(editor.preview).toContainText('Choose a metric to see data');
  await screenshot(page, 'widget-editor-validation-error');

  await editor.metricButton.click();
  await editor.metricSearch.fill('senti');
  await expect(editor.option(/Sentiment/)).toContainText('Enum');
  await editor.option(/Sentiment/).click();
  await expect(editor.chartType('Pie')).toBeChecked();
  await expect(editor.chartType('Line')).toBeDisabled();
  await expect(editor.chartType('Bar')).toBeDisabled();
  await expect(page.getByText('Enum metrics can only be shown as a pie chart.').first()).toBeVisible();
  await expect(editor.adaptedNote).toContainText('Chart type changed from Line to Pie');
  await waitForFreshPreview(page);
  await expect(editor.previewPieSectors.first()).toBeVisible();

  await editor.create.click();
  await expect(page).toHaveURL(/\/widgets\/\d+\/edit$/);
  await expect(editor.heading).toHaveText('Caller sentiment');
  await expect(editor.allSaved).toBeVisible();
  const id = Number(/widgets\/(\d+)\/edit/.exec(page.url())?.[1]);
  expect(await getWidget(request, id)).toMatchObject({
    chart_type: 'pie',
    field: 'metric_evaluations.value',
    metric_name: 'Sentiment',
    dashboard: dashboard.id,
  });
});

test('two people edit the same widget: the second save gets the conflict dialog, nothing is overwritten', async ({
  browser,
  request,
}) => {
  const dashboard = await copyOfSample(request, 'Editor conflict');
  const widget = widgetNamed(dashboard, 'Why calls ended');
  const first = await browser.newContext({ reducedMotion: 'reduce' });
  const second = await browser.newContext({ reducedMotion: 'reduce' });
  const pageA = await first.newPage();
  const pageB = await second.newPage();
  const a = widgetEditorPage(pageA);
  const b = widgetEditorPage(pageB);
  await a.gotoWidget(dashboard.id, widget.id);
  await b.gotoWidget(dashboard.id, widget.id);
  await expect(a.heading).toHaveText('Why calls ended');
  await expect(b.heading).toHaveText('Why calls ended');

  await a.name.fill('Ended reasons (A)');
  await a.save.click();
  await expect(a.allSaved).toBeVisible();

  await b.name.fill('Ended reasons (B)');
  await b.chartTypeCard('Bar').click();
  const patchesFromB: string[] = [];
  pageB.on('request', (r) => {
    if (r.method() === 'PATCH') patchesFromB.push(r.url());
  });
  await b.save.click();
  await expect(b.conflictDialog).toBeVisible();
  await expect(b.conflictDialog.getByRole('row', { name: /Name/ })).toContainText('Ended reasons (A)');
  await expect(b.conflictDialog.getByRole('row', { name: /Name/ })).toContainText('Ended reasons (B)');
  // Both changed the name: a real clash, so the action overwrites, in the destructive colour.
  await expect(b.conflictDialog.getByRole('button', { name: 'Overwrite their values' })).toBeVisible();
  await screenshot(pageB, 'widget-editor-conflict');
  expect(patchesFromB).toEqual([]);
  expect(await getWidget(request, widget.id)).toMatchObject({ name: 'Ended reasons (A)', chart_type: 'pie' });

  await b.conflictDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(b.conflictDialog).toBeHidden();
  await expect(b.name).toHaveValue('Ended reasons (B)');
  expect(await getWidget(request, widget.id)).toMatchObject({ name: 'Ended reasons (A)' });
  await first.close();
  await second.close();
});

test('a conflict without a clash keeps their change and adds mine, and says so', async ({
  browser,
  request,
}) => {
  const dashboard = await copyOfSample(request, 'Editor merge', 'Sales performance');
  const widget = widgetNamed(dashboard, 'Languages of inbound calls');
  const first = await browser.newContext({ reducedMotion: 'reduce' });
  const second = await browser.newContext({ reducedMotion: 'reduce' });
  const pageA = await first.newPage();
  const pageB = await second.newPage();
  const a = widgetEditorPage(pageA);
  const b = widgetEditorPage(pageB);
  await a.gotoWidget(dashboard.id, widget.id);
  await b.gotoWidget(dashboard.id, widget.id);
  await expect(a.heading).toHaveText('Languages of inbound calls');
  await expect(b.heading).toHaveText('Languages of inbound calls');

  await a.name.fill('Inbound languages');
  await a.save.click();
  await expect(a.allSaved).toBeVisible();

  await b.chartTypeCard('Bar').click();
  await b.save.click();
  await expect(b.conflictDialog).toBeVisible();
  await expect(b.conflictDialog.getByRole('button', { name: /Overwrite/ })).toHaveCount(0);
  const merge = b.conflictDialog.getByRole('button', { name: 'Keep theirs and add mine' });
  await expect(merge).toBeVisible();
  await screenshot(pageB, 'widget-editor-conflict-merge');
  await merge.click();
  await expect(b.conflictDialog).toBeHidden();
  await expect(b.allSaved).toBeVisible();
  expect(await getWidget(request, widget.id)).toMatchObject({ name: 'Inbound languages', chart_type: 'bar' });
  await first.close();
  await second.close();
});

test('a reload mid-edit offers the draft back with every field', async ({ page, request }) => {
  const dashboard = await copyOfSample(request, 'Editor draft');
  const widget = widgetNamed(dashboard, 'Call duration');
  const editor = widgetEditorPage(page);
  await page.clock.install();
  await editor.gotoWidget(dashboard.id, widget.id);
  await expect(editor.heading).toHaveText('Call duration');

  await editor.name.fill('Longest calls by agent');
  await editor.chartTypeCard('Bar').click();
  await editor.aggregation.selectOption('max');
  await editor.timePeriod.selectOption('week');
  await editor.groupBy.selectOption('field');
  await page.getByRole('checkbox', { name: 'Show legend' }).uncheck();
  await expect(editor.unsavedChanges).toHaveText('6 unsaved changes');
  // The draft reaches local storage within a second of the last change (of the page's clock).
  await page.clock.runFor(1_000);
  const stored = z
    .array(z.string())
    .parse(
      await page.evaluate(`Object.keys(localStorage).filter((k) => k.startsWith('widget-studio:draft:'))`),
    );
  expect(stored).toEqual([`widget-studio:draft:${dashboard.id}:${widget.id}`]);
  const raw = z
    .string()
    .parse(await page.evaluate(`localStorage.getItem(${JSON.stringify(stored[0] ?? '')}) ?? ''`));
  expect(raw).not.toContain(E2E_API_KEY);

  await page.reload();
  await expect(editor.draftBanner).toBeVisible();
  await expect(editor.name).toHaveValue('Call duration');
  await editor.restoreDraft.click();
  await expect(editor.name).toHaveValue('Longest calls by agent');
  await expect(editor.chartType('Bar')).toBeChecked();
  await expect(editor.aggregation).toHaveValue('max');
  await expect(editor.timePeriod).toHaveValue('week');
  await expect(editor.groupBy).toHaveValue('field');
  await expect(editor.groupByField).toHaveValue('agent.id');
  await expect(page.getByRole('checkbox', { name: 'Show legend' })).not.toBeChecked();
  await expect(editor.unsavedChanges).toHaveText('6 unsaved changes');
});

test('leaving with unsaved changes asks first, and never without changes', async ({ page, request }) => {
  const dashboard = await copyOfSample(request, 'Editor leave');
  const widget = widgetNamed(dashboard, 'Call duration');
  const editor = widgetEditorPage(page);
  await editor.gotoWidget(dashboard.id, widget.id);
  await expect(editor.heading).toHaveText('Call duration');

  // Nothing changed: leaving does not ask.
  await editor.backLink('Editor leave').click();
  await expect(page).toHaveURL(new RegExp(`/dashboards/${dashboard.id}$`));
  await page.goBack();
  await expect(editor.heading).toHaveText('Call duration');

  await editor.name.fill('Changed');
  await editor.backLink('Editor leave').click();
  await expect(editor.leaveDialog).toBeVisible();
  await editor.leaveDialog.getByRole('button', { name: 'Stay' }).click();
  await expect(page).toHaveURL(/\/edit$/);
  await expect(editor.name).toHaveValue('Changed');

  // Closing the tab asks through the browser's own prompt.
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
});

test('typing a 20-character name sends no preview request, and changing the field at most one', async ({
  page,
  request,
}) => {
  const dashboard = await copyOfSample(request, 'Editor requests');
  const widget = widgetNamed(dashboard, 'Why calls ended');
  const editor = widgetEditorPage(page);
  const previews = countPreviews(page);
  await page.clock.install();
  await recordFetches(page);
  const previewFetches = async () =>
    (await fetchesSoFar(page, { method: 'POST', path: /\/dashboards\/widgets\/preview_data\/$/ })).length;
  await editor.gotoWidget(dashboard.id, widget.id);
  await waitForFreshPreview(page);
  const initial = await previewFetches();

  await editor.name.fill('');
  await editor.name.pressSequentially('Reasons calls ended!', { delay: 40 });
  // Twice the preview's debounce on the page's clock, then a rendered frame: a request would be out.
  await page.clock.runFor(800);
  await nextFrames(page);
  expect((await previewFetches()) - initial).toBe(0);

  await editor.fieldButton.click();
  await editor.fieldSearch.fill('topic');
  await editor.option(/^Topic/).click();
  await waitForFreshPreview(page);
  await page.clock.runFor(800);
  await nextFrames(page);
  expect((await previewFetches()) - initial).toBeLessThanOrEqual(1);
  expect(previews.at(-1)).toMatchObject({ field: 'topic', chart_type: 'pie', dashboard: dashboard.id });
});

test('edit-to-preview latency over 31 data edits', async ({ page, request }) => {
  const dashboard = await copyOfSample(request, 'Editor latency');
  const widget = widgetNamed(dashboard, 'Call duration');
  const editor = widgetEditorPage(page);
  const previews = countPreviews(page);
  await editor.gotoWidget(dashboard.id, widget.id);
  await waitForFreshPreview(page);
  await editor.chartTypeCard('Bar').click();
  await waitForFreshPreview(page);
  await page.evaluate(MEASURE_SCRIPT);

  // Every step shows a combination not seen before, so each one really asks the server.
  const aggregations = ['count', 'sum', 'avg', 'min', 'max', 'p50', 'p95', 'p99'];
  const steps: { select: 'aggregation' | 'period'; value: string }[] = [];
  let currentAggregation = 'count';
  let currentPeriod = 'day';
  for (const period of ['day', 'hour', 'week', 'month']) {
    if (period !== currentPeriod) {
      steps.push({ select: 'period', value: period });
      currentPeriod = period;
    }
    const entered = currentAggregation;
    for (const aggregation of aggregations) {
      if (aggregation === entered) continue;
      steps.push({ select: 'aggregation', value: aggregation });
      currentAggregation = aggregation;
    }
  }
  await expect(editor.aggregation).toHaveValue('count');
  await expect(editor.timePeriod).toHaveValue('day');
  const latencies: number[] = [];
  const before = previews.length;
  for (const step of steps) {
    const shownKey = (await editor.preview.getAttribute('data-preview-key')) ?? '';
    await page.evaluate(`window.__armPaint(${JSON.stringify(shownKey)})`);
    if (step.select === 'period') await editor.timePeriod.selectOption(step.value);
    else await editor.aggregation.selectOption(step.value);
    const latency = z
      .number()
      .parse(await page.evaluate('window.__painted.then((t) => t - window.__lastInput)'));
    latencies.push(latency);
  }
  const edits = steps.length;
  const sorted = [...latencies].sort((x, y) => x - y);
  const pick = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const requestsPerEdit = (previews.length - before) / edits;
  const summary = {
    edits,
    p50Ms: Math.round(pick(0.5)),
    p95Ms: Math.round(pick(0.95)),
    maxMs: Math.round(sorted.at(-1) ?? Number.NaN),
    requestsPerEdit: Number(requestsPerEdit.toFixed(2)),
  };
  console.info(`edit-to-preview latency ${JSON.stringify(summary)}`);
  test.info().annotations.push({ type: 'edit-to-preview', description: JSON.stringify(summary) });
  expect(latencies.every((l) => Number.isFinite(l) && l > 0)).toBe(true);
  expect(requestsPerEdit).toBeLessThanOrEqual(1);
});

test('exports the preview as PNG and CSV, and compares the draft with the saved widget', async ({
  page,
  request,
}) => {
  const dashboard = await copyOfSample(request, 'Editor export');
  const widget = widgetNamed(dashboard, 'Why calls ended');
  const editor = widgetEditorPage(page);
  await editor.gotoWidget(dashboard.id, widget.id);
  await waitForFreshPreview(page);
  await expect(editor.previewPieSectors.first()).toBeVisible();

  const [png] = await Promise.all([page.waitForEvent('download'), editor.exportPng.click()]);
  expect(png.suggestedFilename()).toBe('why-calls-ended.png');
  const pngBytes = await readDownload(png);
  expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(pngBytes.length).toBeGreaterThan(5000);

  const [csv] = await Promise.all([page.waitForEvent('download'), editor.exportCsv.click()]);
  const text = (await readDownload(csv)).toString('utf8');
  expect(text.split('\r\n')[0]).toBe('label,value,percentage');
  expect(text.split('\r\n').length).toBeGreaterThan(3);

  // A pie cannot show a comparison: the toggle says so.
  await expect(editor.compare).toBeDisabled();

  // A success rate exports as the chart shows it: percentages with one decimal, the fraction beside.
  const rate = widgetNamed(dashboard, 'Success rate by agent');
  await editor.gotoWidget(dashboard.id, rate.id);
  await waitForFreshPreview(page);
  const [rateCsv] = await Promise.all([page.waitForEvent('download'), editor.exportCsv.click()]);
  const rows = (await readDownload(rateCsv)).toString('utf8').trim().split('\r\n');
  expect(rows[0]).toBe('time_interval,Success_percent,Success,sample_count,group');
  // Rates in percent with one decimal; a bucket whose calls all have an unknown success has no rate
  // (calls imported by other specs can make such a bucket), and there are rates at all.
  const rates = rows.slice(1).map((row) => row.split(',')[1] ?? '');
  expect(rates.filter((rate) => rate !== '').length).toBeGreaterThan(0);
  for (const rate of rates) expect(rate).toMatch(/^(\d{1,3}(\.\d)?)?$/);

  // Saved vs draft on a line: hourly averages drawn over the saved per-call line.
  const line = widgetNamed(dashboard, 'Call duration');
  await editor.gotoWidget(dashboard.id, line.id);
  await waitForFreshPreview(page);
  await editor.groupBy.selectOption('bucket');
  await waitForFreshPreview(page);
  await editor.compare.check();
  await expect(editor.preview.locator('.recharts-legend-item').filter({ hasText: 'Saved' })).toBeVisible({
    timeout: 15_000,
  });
  await expect(editor.previewLine).toHaveCount(2);
});

async function readDownload(download: {
  createReadStream: () => Promise<NodeJS.ReadableStream>;
}): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

import { expect, test } from '@playwright/test';
import { DashboardListSchema, DashboardSchema } from '../src/contract/dashboard-schema.ts';
import { paginated } from '../src/contract/paginated-schema.ts';
import { WidgetSchema } from '../src/contract/widget-schema.ts';
import { apiJson } from './pages/api-json.ts';
import { dashboardPage } from './pages/dashboard-page.ts';

test.use({ reducedMotion: 'reduce', viewport: { width: 1400, height: 1080 } });

const region = (value: string) => ({ field: 'metadata.region', op: 'eq', value });

test('the group-by switcher re-groups bars and their earlier twins, and leaves cohorts one series each', async ({
  page,
  request,
}) => {
  const list = await apiJson(request, 'GET', '/dashboards/dashboards/', paginated(DashboardListSchema));
  const project = list.results.find((d) => d.name === 'Support overview')?.project;
  if (project == null) throw new Error('sample dashboard missing');
  const dashboard = await apiJson(request, 'POST', '/dashboards/dashboards/', DashboardSchema, {
    name: `Group by and cohorts ${Date.now()}`,
    project,
    filters: { operator: 'and', conditions: [{ field: 'timestamp', op: 'gte', value: 'now-7d' }] },
  });
  const bar = { chart_type: 'bar', field: 'duration', aggregation_function: 'avg', time_period: 'day' };
  for (const [name, x, y, compare] of [
    [
      'EU vs US',
      0,
      0,
      {
        mode: 'cohorts',
        cohorts: [
          { label: 'EU', filters: region('EU') },
          { label: 'US', filters: region('US') },
        ],
      },
    ],
    ['Duration per day', 6, 0, undefined],
    ['Duration, week on week', 0, 5, { mode: 'previous', offset: '1w' }],
  ] as const) {
    await apiJson(request, 'POST', '/dashboards/widgets/', WidgetSchema, {
      ...bar,
      name,
      dashboard: dashboard.id,
      metadata: { layout: { x, y, w: 6, h: 5 }, ...(compare ? { compare } : {}) },
    });
  }
  const regrouped: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/preview_data/')) {
      const body: unknown = r.postDataJSON();
      if (typeof body === 'object' && body !== null && 'name' in body) regrouped.push(String(body.name));
    }
  });

  await page.goto(`/dashboards/${dashboard.id}?group=topic`);
  const board = dashboardPage(page);
  const plain = board.card('Duration per day');
  const cohorts = board.card('EU vs US');
  // The plain bar is grouped by topic: one legend entry per topic.
  await expect(plain.locator('.recharts-legend-item-text')).toContainText(['billing']);
  // The cohort bar keeps its cohorts, and says why the switcher left it alone.
  await expect(cohorts.locator('.recharts-legend-item-text')).toHaveText(['EU', 'US']);
  await expect(cohorts.getByRole('note')).toHaveText(
    'Group by Topic does not apply to a cohort comparison: each cohort stays one series.',
  );
  await expect(plain.getByRole('note')).toHaveCount(0);
  // A previous-period comparison is re-grouped with its twin: each topic beside its own earlier week.
  const weekOnWeek = board.card('Duration, week on week');
  await expect(weekOnWeek.locator('.recharts-legend-item-text')).toContainText([
    'billing',
    'billing (earlier)',
  ]);
  await page.waitForLoadState('networkidle');
  // Only the plain bar is asked for again with the new grouping: no request is wasted on the cohorts.
  expect(regrouped.sort()).toEqual(['Duration per day', 'Duration, week on week']);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `docs/screenshots/group-by-cohorts-${scheme}.png` });
  }
});

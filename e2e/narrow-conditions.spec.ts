import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DashboardListSchema, DashboardSchema } from '../src/contract/dashboard-schema.ts';
import { paginated } from '../src/contract/paginated-schema.ts';
import { WidgetSchema } from '../src/contract/widget-schema.ts';
import { apiJson } from './pages/api-json.ts';
import { coloursSettled } from './pages/colours-settled.ts';

test.use({ reducedMotion: 'reduce' });

const when = (field: string, op: string, value: unknown) => ({ field, op, value });
/** Every kind of value editor, and groups nested five levels deep (a same-evaluation group among them). */
const EVERY_VALUE_KIND = {
  operator: 'and',
  conditions: [
    when('success', 'eq', false),
    when('timestamp', 'gte', 'now-7d'),
    when('timestamp', 'lte', '2026-12-01T10:00:00Z'),
    when('duration', 'gt', 60),
    when('topic', 'eq', 'billing'),
    when('call_ended_reason', 'in', ['customer-ended-call', 'assistant-ended-call', 'silence-timed-out']),
    when('metadata.region', 'in', ['EU', 'APAC']),
    when('dropoff_point', 'isnull', true),
    {
      operator: 'or',
      conditions: [
        {
          operator: 'same_row',
          conditions: [
            when('metric_evaluations.metric.name', 'eq', 'CSAT'),
            when('metric_evaluations.value', 'lte', 2),
          ],
        },
        {
          operator: 'and',
          conditions: [
            when('metadata.campaign', 'contains', 'spring'),
            {
              operator: 'or',
              conditions: [
                when('duration', 'lt', 10),
                {
                  operator: 'and',
                  conditions: [
                    when('call_ended_reason', 'in', ['a', 'b']),
                    when('timestamp', 'gte', 'today-30d'),
                    when('topic', 'contains', 'refund'),
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

async function editorWithEveryValueKind(page: Page, name: string) {
  const request = page.request;
  const list = await apiJson(request, 'GET', '/dashboards/dashboards/', paginated(DashboardListSchema));
  const project = list.results.find((d) => d.name === 'Support overview')?.project;
  if (project == null) throw new Error('sample dashboard missing');
  const dashboard = await apiJson(request, 'POST', '/dashboards/dashboards/', DashboardSchema, {
    name,
    project,
  });
  const widget = await apiJson(request, 'POST', '/dashboards/widgets/', WidgetSchema, {
    name: 'Duration of filtered calls',
    chart_type: 'bar',
    field: 'duration',
    aggregation_function: 'avg',
    time_period: 'day',
    dashboard: dashboard.id,
    filters: EVERY_VALUE_KIND,
  });
  await page.goto(`/dashboards/${dashboard.id}/widgets/${widget.id}/edit`);
  const rows = page.getByRole('group', { name: /^Condition \d+ of group/ });
  await expect(rows).toHaveCount(15);
  return rows;
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not drawn');
  return found;
}

/** How a row is laid out, and every way it could be laid out badly. */
async function checkRow(row: Locator, expectOneLine: boolean) {
  const name = `${await row.getAttribute('aria-label')} (${await row.getAttribute('data-layout')})`;
  const rowBox = await box(row);
  const field = await box(row.getByRole('combobox', { name: 'Field' }));
  const operator = await box(row.getByRole('combobox', { name: 'Operator' }));
  // The value editor's first control: a text box, chips, a switch, a select or the time editor's "When".
  const value = await box(row.getByLabel(/^(Value|When)$/).first());
  const remove = await box(row.getByRole('button', { name: 'Remove (condition)' }));

  // The value is never on a line of its own: its top is the operator's, and it sits right of it.
  expect(Math.abs(value.y - operator.y), `${name}: value beside operator`).toBeLessThanOrEqual(2);
  expect(value.x, `${name}: value right of operator`).toBeGreaterThanOrEqual(operator.x + operator.width);
  if (expectOneLine) {
    expect(Math.abs(operator.y - field.y), `${name}: one line`).toBeLessThanOrEqual(2);
  } else {
    // Two deliberate lines: the field on the first, operator and value beneath it.
    expect(operator.y, `${name}: operator under the field`).toBeGreaterThanOrEqual(field.y + field.height);
  }
  // The remove button sits on the field's line at the row's right edge.
  expect(
    Math.abs(remove.y + remove.height / 2 - (field.y + field.height / 2)),
    `${name}: remove`,
  ).toBeLessThan(4);
  expect(rowBox.x + rowBox.width - (remove.x + remove.width), `${name}: remove at the edge`).toBeLessThan(16);
  // Nothing sticks out of the row, and no control overlaps another.
  const overflow = await row.evaluate((element) => {
    const outer = element.getBoundingClientRect();
    const controls = [...element.querySelectorAll('input, select, button, [role="group"]')]
      .map((control) => control.getBoundingClientRect())
      .filter((rect) => rect.width > 0);
    return {
      scrolls: element.scrollWidth > element.clientWidth,
      outside: controls
        .filter((rect) => rect.left < outer.left - 0.5 || rect.right > outer.right + 0.5)
        .map(
          (rect) => `${Math.round(rect.left)}–${Math.round(rect.right)} outside ${outer.left}–${outer.right}`,
        ),
    };
  });
  expect(overflow, `${name}: nothing overflows`).toEqual({ scrolls: false, outside: [] });
  for (const [a, b] of [
    [field, remove],
    [operator, value],
  ] as const) {
    const overlaps =
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlaps, `${name}: controls overlap`).toBe(false);
  }
}

// The editor's filter column at the widths the app produces: two columns from 1024 px (the narrowest
// at 1024), one full-width column below it (where a row has room for one line).
for (const { width, oneLine } of [
  { width: 1024, oneLine: false },
  { width: 1280, oneLine: false },
  { width: 1440, oneLine: false },
  { width: 1000, oneLine: true },
]) {
  test(`condition rows lay out for a ${width} px window, nested five deep`, async ({ page }) => {
    await page.setViewportSize({ width, height: 1000 });
    const rows = await editorWithEveryValueKind(page, `Narrow ${width}`);
    const root = page.getByRole('group', { name: /^Root group: / });
    for (const row of await rows.all()) {
      // Rows nested deep are narrower, and a metadata row has a key box too: those take two lines
      // where a shallow row takes one.
      const level = Number(/level (\d+)/.exec((await row.getAttribute('aria-label')) ?? '')?.[1]);
      const metadata = (await row.getByLabel('Metadata key').count()) > 0;
      await checkRow(row, oneLine && level <= 3 && !metadata);
    }
    expect(await root.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    // A nested group's header keeps its Remove button inside the group.
    for (const group of await page.getByRole('group', { name: /^Group \d+ of group/ }).all()) {
      const groupBox = await box(group);
      const remove = await box(group.getByRole('button', { name: 'Remove (group)' }).first());
      expect(remove.x + remove.width).toBeLessThanOrEqual(groupBox.x + groupBox.width);
    }
    if (width === 1024 || width === 1440) {
      // The editor's column only, first the top-level rows, then the groups nested below them.
      const column = await box(root);
      for (const [part, top] of [
        ['rows', rows.first()],
        ['nested', page.getByRole('group', { name: /^Group \d+ of group All of, level 2/ })],
      ] as const) {
        await top.evaluate((element) => element.scrollIntoView({ block: 'start' }));
        await page.evaluate(() => window.scrollBy(0, -72));
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          await page.screenshot({
            path: `docs/screenshots/editor-narrow-conditions-${width}-${part}-${scheme}.png`,
            clip: { x: 0, y: 0, width: column.x + column.width + 24, height: 1000 },
          });
        }
      }
      await page.emulateMedia({ colorScheme: 'light' });
      // The colour scheme just changed: buttons fade to their new colours; read the settled page.
      await coloursSettled(page);
      const axe = await new AxeBuilder({ page })
        .include('[aria-label^="Root group"]')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      expect(
        axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
    }
  });
}

test('a narrow row keeps every command within reach of the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 1000 });
  const rows = await editorWithEveryValueKind(page, 'Narrow keyboard');
  const first = rows.first();
  await first.getByRole('combobox', { name: 'Field' }).focus();
  // The shortcut still moves the row.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(rows.nth(1).getByRole('switch', { name: 'Value' })).toBeVisible();
  // The commands that do not fit sit in a menu, opened and used with the keyboard.
  const more = rows.nth(1).getByRole('button', { name: 'More actions (condition)' });
  await more.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'More actions (condition)' });
  await expect(menu.getByRole('menuitem')).toHaveText([
    'Move up',
    'Move down',
    'Indent into a new group',
    'Outdent out of its group',
    'Duplicate',
  ]);
  await expect(menu.getByRole('menuitem', { name: 'Outdent out of its group' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await page.keyboard.press('Enter');
  // "Move up" brought the Success row back to the top, and focus stayed with it.
  await expect(rows.first().getByRole('switch', { name: 'Value' })).toBeVisible();
  await expect(rows.first().getByRole('button', { name: 'More actions (condition)' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(rows.first().getByRole('button', { name: 'More actions (condition)' })).toBeFocused();
});

import type { Locator, Page } from '@playwright/test';

/** The dashboard view (`/dashboards/:id`, `?mode=edit`): control bar, grid of widget cards, panels. */
export function dashboardPage(page: Page) {
  const card = (name: string): Locator => page.getByRole('article', { name, exact: true });
  const gridItem = (name: string): Locator => page.locator('.react-grid-item').filter({ has: card(name) });
  return {
    goto: (id: number, options: { edit?: boolean } = {}) =>
      page.goto(`/dashboards/${id}${options.edit ? '?mode=edit' : ''}`),
    heading: page.getByRole('heading', { level: 1 }),
    cards: page.locator('article[data-widget-id]'),
    card,
    gridItem,
    /** The focusable grid item of a card in edit mode (keyboard move/resize). */
    movableCard: (name: string): Locator => page.getByRole('group', { name, exact: true }),
    dragHandle: (name: string): Locator => card(name).getByTestId('drag-handle'),
    resizeHandle: (name: string): Locator => gridItem(name).locator('.react-resizable-handle'),
    chartSurface: (name: string): Locator => card(name).locator('svg.recharts-surface'),
    /** The Chart / Table toggle of a card. */
    viewButton: (name: string, view: 'Chart' | 'Table'): Locator =>
      card(name)
        .getByRole('group', { name: `View of ${name}` })
        .getByRole('button', { name: view }),
    table: (name: string): Locator => card(name).getByRole('table'),
    statFigure: (
      name: string,
      key: 'total_calls' | 'success_rate' | 'avg_duration' | 'p95_latency',
    ): Locator => card(name).locator(`[data-stat="${key}"] dd`).first(),
    dateRange: page.getByRole('combobox', { name: 'Date range' }),
    agents: page.getByRole('button', { name: /^Agents/ }),
    refresh: page.getByRole('button', { name: 'Refresh data' }),
    updatedAgo: page.getByTestId('updated-ago'),
    editLayout: page.getByRole('button', { name: 'Edit layout' }),
    saveLayout: page.getByRole('button', { name: 'Save layout' }),
    cancelLayout: page.getByRole('button', { name: 'Cancel', exact: true }),
    addWidget: page.getByRole('button', { name: 'Add widget' }),
    announcement: page.getByTestId('grid-announcement'),
    callsPanel: page.getByRole('complementary', { name: /^Calls behind/ }),
    callsCount: page.getByTestId('calls-count'),
    emptyState: page.getByRole('heading', { name: 'This dashboard has no widgets yet' }),
    // Variables, group-by, saved views (issue 17).
    addVariable: page.getByRole('combobox', { name: 'Add variable' }),
    /** The button of a variable, named "<Field>: <choice>". */
    variable: (label: string): Locator => page.getByRole('button', { name: new RegExp(`^${label}: `) }),
    variablePanel: (label: string): Locator => page.getByRole('dialog', { name: `Values of ${label}` }),
    variableChoices: page.getByTestId('variable-choices').locator('li'),
    groupBy: page.getByRole('combobox', { name: 'Group by' }),
    savedViews: page.getByRole('button', { name: 'Saved views' }),
    savedViewsPanel: page.getByRole('dialog', { name: 'Saved views' }),
    autoRefresh: page.getByRole('combobox', { name: 'Auto-refresh' }),
    wallMode: page.getByRole('link', { name: 'Wall mode' }),
    cardNote: (name: string): Locator => card(name).getByRole('note'),
  };
}

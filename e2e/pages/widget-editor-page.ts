import type { Locator, Page } from '@playwright/test';

export type ChartTypeName = 'Line' | 'Bar' | 'Pie' | 'Stat';

/** The widget editor (`/dashboards/:id/widgets/:widgetId/edit` and `…/widgets/new`): form, preview, dialogs. */
export function widgetEditorPage(page: Page) {
  const preview = page.getByTestId('editor-preview');
  return {
    gotoWidget: (dashboardId: number, widgetId: number) =>
      page.goto(`/dashboards/${dashboardId}/widgets/${widgetId}/edit`),
    gotoNew: (dashboardId: number) => page.goto(`/dashboards/${dashboardId}/widgets/new`),
    heading: page.getByRole('heading', { level: 1 }),
    backLink: (dashboardName: string): Locator =>
      page.getByRole('link', { name: dashboardName, exact: true }),
    name: page.getByLabel('Name', { exact: true }),
    chartType: (name: ChartTypeName): Locator => page.getByRole('radio', { name: new RegExp(`^${name}\\b`) }),
    /** The visible card of a chart type (the radio itself is visually hidden inside it). */
    chartTypeCard: (name: ChartTypeName): Locator =>
      page.locator('label').filter({ has: page.getByRole('radio', { name: new RegExp(`^${name}\\b`) }) }),
    fieldButton: page.getByRole('button', { name: /^Field\b/ }),
    fieldSearch: page.getByRole('combobox', { name: 'Search fields' }),
    metricButton: page.getByRole('button', { name: /^Metric\b/ }),
    metricSearch: page.getByRole('combobox', { name: 'Search metrics' }),
    option: (name: string | RegExp): Locator => page.getByRole('option', { name }),
    aggregation: page.getByLabel('Aggregation', { exact: true }),
    timePeriod: page.getByLabel('Time period', { exact: true }),
    groupBy: page.getByRole('combobox', { name: 'Group by', exact: true }),
    groupByField: page.getByRole('combobox', { name: 'Group by field' }),
    bucketInterval: page.getByRole('combobox', { name: 'Bucket interval' }),
    save: page.getByRole('button', { name: 'Save', exact: true }),
    create: page.getByRole('button', { name: 'Create widget' }),
    undo: page.getByRole('button', { name: 'Undo', exact: true }),
    redo: page.getByRole('button', { name: 'Redo', exact: true }),
    unsavedChanges: page.getByText(/\d+ unsaved changes?/),
    allSaved: page.getByText('All changes saved'),
    description: page.getByTestId('widget-description'),
    preview,
    previewBars: preview.locator('.recharts-bar-rectangle'),
    previewLine: preview.locator('.recharts-line-curve'),
    previewPieSectors: preview.locator('.recharts-pie-sector'),
    adaptedNote: page.getByRole('status').filter({ hasText: /Cleared|set to|changed from/ }),
    draftBanner: page.getByRole('region', { name: 'Unsaved draft' }),
    restoreDraft: page.getByRole('button', { name: 'Restore draft' }),
    conflictDialog: page.getByRole('alertdialog', { name: 'Someone else changed this widget' }),
    leaveDialog: page.getByRole('alertdialog', { name: 'Leave without saving?' }),
    viewJson: page.getByRole('button', { name: 'View JSON' }),
    exportPng: page.getByRole('button', { name: 'Export PNG' }),
    exportCsv: page.getByRole('button', { name: 'Export CSV' }),
    compare: page.getByRole('checkbox', { name: 'Compare with saved' }),
    toast: (text: string | RegExp): Locator =>
      page.getByRole('region', { name: 'Notifications' }).getByText(text),
  };
}

import type { Locator, Page } from '@playwright/test';

/** The dashboards list (`/dashboards`) and its dialogs. */
export function dashboardsPage(page: Page) {
  const createDialog = page.getByRole('dialog', { name: 'New dashboard' });
  const renameDialog = page.getByRole('dialog', { name: 'Rename dashboard' });
  const deleteDialog = page.getByRole('alertdialog');
  return {
    goto: () => page.goto('/dashboards'),
    heading: page.getByRole('heading', { name: 'Dashboards', level: 1 }),
    table: page.getByRole('table', { name: 'Dashboards' }),
    rows: page.getByRole('table', { name: 'Dashboards' }).getByRole('row'),
    link: (name: string): Locator =>
      page.getByRole('table', { name: 'Dashboards' }).getByRole('link', { name, exact: true }),
    row: (name: string): Locator =>
      page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) }),
    newButton: page.getByRole('button', { name: 'New dashboard' }).first(),
    projectFilter: page.getByRole('combobox', { name: 'Project' }),
    emptyState: page.getByRole('heading', { name: /^No dashboards/ }),
    errorAlert: page.getByRole('alert').filter({ hasText: 'Dashboards could not be loaded' }),
    createDialog: {
      root: createDialog,
      name: createDialog.getByRole('textbox', { name: 'Name' }),
      project: createDialog.getByRole('combobox', { name: 'Project' }),
      dateRange: createDialog.getByRole('combobox', { name: 'Date range' }),
      submit: createDialog.getByRole('button', { name: 'Create dashboard' }),
    },
    renameButton: (name: string): Locator =>
      page.getByRole('button', { name: `Rename ${name}`, exact: true }),
    duplicateButton: (name: string): Locator =>
      page.getByRole('button', { name: `Duplicate ${name}`, exact: true }),
    deleteButton: (name: string): Locator =>
      page.getByRole('button', { name: `Delete ${name}`, exact: true }),
    renameDialog: {
      root: renameDialog,
      name: renameDialog.getByRole('textbox', { name: 'Name' }),
      submit: renameDialog.getByRole('button', { name: 'Rename' }),
    },
    deleteDialog: {
      root: deleteDialog,
      widgets: deleteDialog.getByRole('list', { name: 'Widgets that will be deleted' }),
      confirm: deleteDialog.getByRole('button', { name: 'Delete dashboard' }),
    },
  };
}

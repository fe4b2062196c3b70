import type { Locator, Page } from '@playwright/test';

/** The dashboards list's Import dashboard dialog: file, project, unmatched choices, widget previews. */
export function importDialog(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Import dashboard' });
  return {
    open: page.getByRole('button', { name: 'Import dashboard' }),
    dialog,
    file: dialog.getByLabel('Dashboard file'),
    project: dialog.getByRole('combobox', { name: 'Into project' }),
    widgets: dialog.getByRole('list', { name: 'Widgets to create' }).getByRole('listitem'),
    widget: (name: string): Locator =>
      dialog.getByRole('list', { name: 'Widgets to create' }).getByRole('listitem', { name, exact: true }),
    choice: (name: string): Locator => dialog.getByRole('combobox', { name: `Metric “${name}” becomes` }),
    problem: dialog.getByRole('alert'),
    submit: dialog.getByRole('button', { name: 'Import', exact: true }),
  };
}

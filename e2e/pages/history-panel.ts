import type { Locator, Page } from '@playwright/test';

/** The dashboard's History dialog: the timeline, the selected version, its differences and Restore. */
export function historyPanel(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'History' });
  const previewCard = (name: string): Locator =>
    dialog
      .getByRole('list', { name: 'Widgets of this version' })
      .getByRole('listitem', { name, exact: true });
  return {
    open: page.getByRole('button', { name: 'History', exact: true }),
    dialog,
    versions: dialog.getByRole('list', { name: 'Versions' }).getByRole('button'),
    version: (summary: string | RegExp): Locator =>
      dialog.getByRole('list', { name: 'Versions' }).getByRole('button', { name: summary }),
    differences: dialog.getByRole('list', { name: 'Differences from now' }),
    previewCard,
    restoreWidget: (name: string): Locator => dialog.getByRole('button', { name: `Restore widget ${name}` }),
    restoreVersion: dialog.getByRole('button', { name: 'Restore this version' }),
    undo: dialog.getByRole('button', { name: 'Undo restore' }),
    /** The outcome of a restore, on the selected version (the dialog also holds the toasts' status region). */
    status: dialog.getByRole('region', { name: 'Selected version' }).getByRole('status'),
  };
}

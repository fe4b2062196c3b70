import type { Locator, Page } from '@playwright/test';

/** One condition row of the filter builder, found by its screen-reader description. */
export function filterCondition(scope: Locator, description: string) {
  const root = scope.getByRole('group', { name: description, exact: true });
  return {
    root,
    field: root.getByRole('combobox', { name: 'Field' }),
    operator: root.getByRole('combobox', { name: 'Operator' }),
    /**
     * Text and number values: a text box, or a combobox where the values in the calls are suggested
     * (a switch, select or chips for other types: use `root`).
     */
    value: root
      .getByRole('textbox', { name: 'Value' })
      .or(root.locator('input[role="combobox"][aria-label="Value"]')),
    /** The suggested values of a text condition. */
    suggestions: root.page().getByRole('listbox', { name: 'Values in the calls' }),
    valueSwitch: root.getByRole('switch', { name: 'Value' }),
    remove: root.getByRole('button', { name: 'Remove (condition)' }),
  };
}

/**
 * The filter builder inside `scope` (a dialog or a form section). Locators only: assertions stay in
 * the specs. Rows are addressed as screen readers hear them: "Condition 2 of group Any of, level 2".
 */
export function filterBuilder(page: Page, scope: Locator) {
  const rootGroup = scope.getByRole('group', { name: /^Root group: / });
  const fieldList = page.getByRole('listbox', { name: 'Fields' });
  return {
    scope,
    rootGroup,
    /** A nested group by the start of its description, e.g. "Group 2 of group All of, level 2". */
    group: (description: string): Locator =>
      scope.getByRole('group', {
        name: new RegExp(`^${description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      }),
    /** "Add condition"/"Add group" of a group: the group's own footer buttons come after its children. */
    addCondition: (group: Locator): Locator => group.getByRole('button', { name: 'Add condition' }).last(),
    addGroup: (group: Locator): Locator => group.getByRole('button', { name: 'Add group' }).last(),
    combinator: (group: Locator): Locator => group.getByRole('combobox', { name: 'Match' }).first(),
    condition: (description: string) => filterCondition(scope, description),
    fieldOption: (label: string): Locator => fieldList.getByRole('option', { name: new RegExp(`^${label}`) }),
    summary: scope.locator('[data-filter-summary]'),
    visualButton: scope.getByRole('button', { name: 'Visual' }),
    jsonButton: scope.getByRole('button', { name: 'Edit as JSON' }),
    jsonText: scope.getByRole('textbox', { name: 'Filter JSON' }),
    problems: scope.getByRole('list', { name: 'Filter problems' }),
  };
}

import { fieldLabel, metadataKeyOf } from '../../../contract/field-catalogue.ts';
import { isFilterGroup, type Filter } from '../../../contract/filter-schema.ts';
import { VALUE_COUNT_FIELDS } from '../../../contract/value-counts-schema.ts';
import type { Widget } from '../../../contract/widget-schema.ts';

/** A variable's name: a metadata key as a word ("Region" for `metadata.region`), else the field's label. */
export function variableLabel(field: string): string {
  const key = metadataKeyOf(field);
  if (key === null) return fieldLabel(field);
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface VariableFieldOption {
  field: string;
  label: string;
}

function filterFields(filter: Filter | null | undefined): string[] {
  if (filter == null) return [];
  return isFilterGroup(filter) ? filter.conditions.flatMap(filterFields) : [filter.field];
}

function groupByFieldOf(groupBy: unknown): string | null {
  if (typeof groupBy !== 'object' || groupBy === null || !('field' in groupBy)) return null;
  return typeof groupBy.field === 'string' ? groupBy.field : null;
}

/**
 * The fields "Add variable" offers: the call fields with value counts (text and yes/no), then every top-level
 * metadata key the dashboard already uses (plotted, grouped by or filtered on), by name; fields
 * already variables are left out. Total.
 */
export function variableFieldOptions(
  widgets: readonly Pick<Widget, 'field' | 'group_by' | 'filters'>[],
  dashboardFilters: Filter | null,
  taken: readonly string[],
): VariableFieldOption[] {
  const used = [
    ...filterFields(dashboardFilters),
    ...widgets.flatMap((w) => [w.field, groupByFieldOf(w.group_by) ?? '', ...filterFields(w.filters)]),
  ];
  const keys = [...new Set(used.map(metadataKeyOf).filter((key) => key !== null))].sort();
  return [...VALUE_COUNT_FIELDS, ...keys.map((key) => `metadata.${key}`)]
    .filter((field) => !taken.includes(field))
    .map((field) => ({ field, label: variableLabel(field) }));
}

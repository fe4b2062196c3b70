import type { Filter } from '../../../contract/filter-schema.ts';
import type { ViewVariable } from '../../../contract/saved-view-schema.ts';
import type { Widget } from '../../../contract/widget-schema.ts';
import type { ViewFilters } from '../../api/view-filters.ts';
import { isFilterGroup } from '../../../contract/filter-schema.ts';
import { lookupField } from '../../../contract/field-catalogue.ts';

/**
 * The condition a variable stands for: its chosen values (`in`, or `eq` for one), "(none)" as
 * `isnull`, both together as an `or`. A yes/no field's values are counted as "true"/"false" and
 * filter by booleans (one `eq` each: such fields have no `in`); other words for them are dropped.
 * Null when nothing is chosen (the variable filters nothing). Total.
 */
export function variableCondition(variable: ViewVariable): Filter | null {
  const values = variable.values.filter((value): value is string => value !== null);
  const none = variable.values.includes(null);
  const parts: Filter[] = [];
  if (lookupField(variable.field)?.valueType === 'boolean') {
    for (const value of values)
      if (value === 'true' || value === 'false')
        parts.push({ field: variable.field, op: 'eq', value: value === 'true' });
  } else if (values.length === 1) parts.push({ field: variable.field, op: 'eq', value: values[0] ?? '' });
  else if (values.length > 1) parts.push({ field: variable.field, op: 'in', value: values });
  if (none) parts.push({ field: variable.field, op: 'isnull', value: true });
  if (parts.length === 0) return null;
  return parts.length === 1 ? (parts[0] ?? null) : { operator: 'or', conditions: parts };
}

/** The conditions of every variable with a choice, in order. Total. */
export function variableConditions(variables: readonly ViewVariable[]): Filter[] {
  return variables.flatMap((variable) => variableCondition(variable) ?? []);
}

/**
 * The dashboard filters a view's data is asked with: the stored ones and the variables' conditions in
 * one root `and` (the stored root `and` is flattened, so its timestamp bound stays reachable, D11).
 * The stored filters, the same reference, when no variable has a choice. Total.
 */
export function applyVariables(
  stored: Filter | null | undefined,
  variables: readonly ViewVariable[],
): Filter | null {
  const extra = variableConditions(variables);
  if (extra.length === 0) return stored ?? null;
  const base =
    stored == null ? [] : isFilterGroup(stored) && stored.operator === 'and' ? stored.conditions : [stored];
  return { operator: 'and', conditions: [...base, ...extra] };
}

/**
 * How a view's variables reach the server (ADR 0021): nothing to send when no variable has a choice
 * (the request stays Cekura's own); `dashboard_filters` (stored filters and variables, one request)
 * when the embedded server computes the data; otherwise, for the real API or a forwarding server,
 * each widget's own filters and the variables as its `filters` override (D5: the dashboard's stored
 * filters still apply there), one request per distinct override. Total.
 */
export function viewFiltersFor(
  widgets: readonly Pick<Widget, 'id' | 'filters'>[],
  stored: Filter | null | undefined,
  variables: readonly ViewVariable[],
  computesData: boolean,
): ViewFilters {
  const effective = applyVariables(stored, variables);
  if (effective === (stored ?? null)) return undefined;
  if (computesData) return { kind: 'dashboard', filters: effective };
  return {
    kind: 'per-widget',
    filters: Object.fromEntries(widgets.map((w) => [w.id, applyVariables(w.filters, variables)])),
  };
}

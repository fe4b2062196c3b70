import type { Filter } from '../../../contract/filter-schema.ts';
import { variableLabel } from './variable-field-options.ts';
import type { ViewVariable } from '../../../contract/saved-view-schema.ts';
import { findContradictions, fromWire, type FilterTree } from '../filter-builder/filter-builder.tsx';
import { variableCondition } from './variable-filters.ts';

function idsUnder(tree: FilterTree['root']['conditions'][number]): string[] {
  return tree.kind === 'condition' ? [tree.id] : [tree.id, ...tree.conditions.flatMap(idsUnder)];
}

/**
 * Why a widget shows no data under the dashboard's variables: a sentence naming the variable when one
 * of its conditions cannot hold together with the widget's own filter (the filter builder's
 * contradiction finder, on `variables and widget`), else null. Total.
 */
export function describeVariableContradiction(
  variables: readonly ViewVariable[],
  widgetFilter: Filter | null,
  now: Date,
): string | null {
  if (widgetFilter === null) return null;
  const chosen = variables.flatMap((variable) => {
    const condition = variableCondition(variable);
    return condition ? [{ variable, condition }] : [];
  });
  if (chosen.length === 0) return null;
  const tree = fromWire({ operator: 'and', conditions: [...chosen.map((c) => c.condition), widgetFilter] });
  const parts = tree.root.conditions.map(idsUnder);
  const widgetIds = new Set(parts[chosen.length] ?? []);
  for (const contradiction of findContradictions(tree, { now })) {
    if (!contradiction.nodeIds.some((id) => widgetIds.has(id))) continue;
    const index = parts.findIndex(
      (ids, at) => at < chosen.length && contradiction.nodeIds.some((id) => ids.includes(id)),
    );
    const variable = chosen[index]?.variable;
    if (!variable) continue;
    return `The ${variableLabel(variable.field)} variable contradicts this widget's own filter: ${contradiction.message}.`;
  }
  return null;
}

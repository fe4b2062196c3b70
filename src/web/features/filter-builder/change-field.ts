import type { FilterOp } from '../../../contract/filter-schema.ts';
import type { Metric } from '../../../contract/metric-schema.ts';
import {
  convertValueForOp,
  defaultOpFor,
  defaultValueFor,
  fieldSpecFor,
  isValueAccepted,
} from './condition-values.ts';
import { findLocation, updateCondition, type FilterTree } from './filter-tree.ts';
import { metricForCondition } from './metric-for-condition.ts';

export interface ConditionEditOptions {
  readonly metrics?: readonly Metric[];
}

/**
 * Sets a condition's field, keeping its operator when the new field allows it and its value when the
 * contract still accepts it for that field and operator; otherwise both reset to the field's
 * defaults. Same field, unknown id or a group: same tree. Total.
 */
export function changeField(
  tree: FilterTree,
  id: string,
  field: string,
  options: ConditionEditOptions = {},
): FilterTree {
  const node = findLocation(tree, id)?.node;
  if (!node || node.kind !== 'condition' || node.field === field) return tree;
  const spec = fieldSpecFor(field);
  const keepOp = spec !== undefined && spec.filterOps.includes(node.op);
  const op: FilterOp = keepOp ? node.op : defaultOpFor(spec);
  const withField = updateCondition(tree, id, { field, op });
  if (keepOp && isValueAccepted(field, op, node.value, options.metrics)) return withField;
  const metric = metricForCondition(withField, id, options.metrics ?? []);
  return updateCondition(withField, id, { value: defaultValueFor(spec, op, metric) });
}

/**
 * Sets a condition's operator, carrying the value over where it makes sense (`eq "a"` → `in ["a"]`,
 * `in ["a","b"]` → `eq "a"`) and resetting it otherwise. Same operator or unknown id: same tree. Total.
 */
export function changeOperator(
  tree: FilterTree,
  id: string,
  op: FilterOp,
  options: ConditionEditOptions = {},
): FilterTree {
  const node = findLocation(tree, id)?.node;
  if (!node || node.kind !== 'condition' || node.op === op) return tree;
  const metric = metricForCondition(tree, id, options.metrics ?? []);
  const value = convertValueForOp(node.field, op, node.value, options.metrics, metric);
  return updateCondition(tree, id, { op, value });
}

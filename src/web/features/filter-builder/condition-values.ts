import {
  FIELD_CATALOGUE,
  isMetadataField,
  lookupField,
  type FieldSpec,
  type ValueType,
} from '../../../contract/field-catalogue.ts';
import type { FilterOp } from '../../../contract/filter-schema.ts';
import { validateFilter } from '../../../contract/filter-validation.ts';
import type { EvalType } from '../../../contract/enums.ts';
import type { Metric } from '../../../contract/metric-schema.ts';

const METADATA_TEMPLATE = FIELD_CATALOGUE.find((spec) => spec.field === 'metadata.*');

/**
 * The catalogue entry of a field as the builder sees it: like `lookupField`, but a metadata field
 * whose key is still being typed (`metadata.` or `metadata.bad-key`) keeps the metadata operators,
 * so typing a key never resets the operator. Unknown fields: undefined. Total.
 */
export function fieldSpecFor(field: string): FieldSpec | undefined {
  const spec = lookupField(field);
  if (spec) return spec;
  if (isMetadataField(field) && METADATA_TEMPLATE) return { ...METADATA_TEMPLATE, field, label: 'Metadata' };
  return undefined;
}

/** The fields a condition can filter on, in catalogue order (`metadata.*` stands for any key). */
export const FILTERABLE_FIELDS: readonly FieldSpec[] = FIELD_CATALOGUE.filter(
  (spec) => spec.filterOps.length > 0,
);

/** The value type a metric's evaluations have, for `metric_evaluations.value` (D22). */
export function valueTypeOfMetric(evalType: EvalType): Exclude<ValueType, 'dynamic' | 'datetime'> {
  switch (evalType) {
    case 'binary':
      return 'boolean';
    case 'enum':
      return 'string';
    case 'numeric':
    case 'continuous_qualitative':
      return 'number';
  }
}

/** The value type of a field, with `dynamic` resolved through the metric the condition is about. */
export function effectiveValueType(spec: FieldSpec | undefined, metric: Metric | null): ValueType | null {
  if (!spec) return null;
  if (spec.valueType === 'dynamic' && metric) return valueTypeOfMetric(metric.eval_type);
  return spec.valueType;
}

/** A sensible starting value for a field and operator: the row shows it, validation judges it. */
export function defaultValueFor(
  spec: FieldSpec | undefined,
  op: FilterOp,
  metric: Metric | null = null,
): unknown {
  if (op === 'isnull') return true;
  if (op === 'in') return [];
  if (op === 'contains' || op === 'startswith' || op === 'endswith' || op === 'regex') return '';
  switch (effectiveValueType(spec, metric)) {
    case 'boolean':
      return true;
    case 'string':
      return metric?.enum_values?.[0] ?? '';
    case 'datetime':
      return op === 'gt' || op === 'gte' ? 'now-7d' : 'now';
    default:
      return null;
  }
}

/** Whether the contract's own validation accepts this value for this field and operator. */
export function isValueAccepted(
  field: string,
  op: FilterOp,
  value: unknown,
  metrics?: readonly Metric[],
): boolean {
  // Wrapped in a group so the message carries a D8 key (`conditions[0].value: …`); a root leaf's has none.
  const messages = validateFilter({ operator: 'and', conditions: [{ field, op, value }] }, { metrics });
  return !messages.some((message) => message.startsWith('conditions[0].value: '));
}

/** The operator a field starts with: `eq` when allowed, else its first operator. */
export function defaultOpFor(spec: FieldSpec | undefined): FilterOp {
  if (!spec || spec.filterOps.length === 0 || spec.filterOps.includes('eq')) return 'eq';
  return spec.filterOps[0] ?? 'eq';
}

/**
 * Carries a value over to a new operator: kept when still valid, a scalar becomes a one-item list for
 * `in` and a list its first item for a scalar op; otherwise the operator's default. Total.
 */
export function convertValueForOp(
  field: string,
  op: FilterOp,
  value: unknown,
  metrics?: readonly Metric[],
  metric: Metric | null = null,
): unknown {
  if (isValueAccepted(field, op, value, metrics)) return value;
  const spec = fieldSpecFor(field);
  if (op === 'in' && !Array.isArray(value) && value !== null && value !== '' && typeof value !== 'boolean') {
    if (isValueAccepted(field, op, [value], metrics)) return [value];
  }
  if (op !== 'in' && Array.isArray(value)) {
    const first: unknown = value[0];
    if (first !== undefined && isValueAccepted(field, op, first, metrics)) return first;
  }
  return defaultValueFor(spec, op, metric);
}

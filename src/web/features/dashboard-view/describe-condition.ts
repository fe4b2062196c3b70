import { fieldLabel, FILTER_OP_LABELS } from '../../../contract/field-catalogue.ts';
import { isFilterGroup, type Filter } from '../../../contract/filter-schema.ts';
import { describeTimeValue, parseTimeValue } from '../../../contract/relative-time.ts';

const MAX_LISTED = 3;

/**
 * A short readable text for one dashboard filter chip: `Success is true`, `Region is one of EU, APAC`,
 * `Duration at least 60`, or for a nested group `any of 2 conditions` / `all of 3 conditions`. Total.
 */
export function describeCondition(filter: Filter): string {
  if (isFilterGroup(filter)) {
    const n = filter.conditions.length;
    const word =
      filter.operator === 'or' ? 'Any of' : filter.operator === 'same_row' ? 'Same evaluation:' : 'All of';
    if (n === 1 && filter.conditions[0]) return describeCondition(filter.conditions[0]);
    return `${word} ${n} ${n === 1 ? 'condition' : 'conditions'}`;
  }
  const label = fieldLabel(filter.field);
  if (filter.op === 'isnull') return `${label} ${filter.value === false ? 'is not empty' : 'is empty'}`;
  return `${label} ${FILTER_OP_LABELS[filter.op]} ${describeValue(filter.field, filter.value)}`;
}

function describeValue(field: string, value: unknown): string {
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_LISTED).map((v) => describeValue(field, v));
    return value.length > MAX_LISTED
      ? `${shown.join(', ')} +${value.length - MAX_LISTED} more`
      : shown.join(', ');
  }
  if (typeof value === 'string') {
    if (field === 'timestamp' && parseTimeValue(value)) return describeTimeValue(value);
    return value;
  }
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

import * as z from 'zod';

/** Comparison operators of a filter leaf (contract 5.3). */
export const FILTER_OPS = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'startswith',
  'endswith',
  'in',
  'isnull',
  'regex',
] as const;
export const FilterOpSchema = z.enum(FILTER_OPS);
export type FilterOp = z.infer<typeof FilterOpSchema>;

/** Logical operators of a filter group (contract 5.2). */
export const GROUP_OPERATORS = ['and', 'or', 'same_row'] as const;
export const GroupOperatorSchema = z.enum(GROUP_OPERATORS);
export type GroupOperator = z.infer<typeof GroupOperatorSchema>;

/** A leaf `{field, op, value}`. `value` is typed by field and op; see filter-validation.ts (D9). */
export const FilterConditionSchema = z.object({
  field: z.string(),
  op: FilterOpSchema,
  value: z.unknown(),
});
export type FilterCondition = z.infer<typeof FilterConditionSchema>;

export interface FilterGroup {
  operator: GroupOperator;
  conditions: Filter[];
}
export type Filter = FilterCondition | FilterGroup;

/**
 * The recursive wire filter: a leaf or a group, nested to any depth. Structural only: field names,
 * operator/value typing and the D11 limits are checked by `validateFilter`, which gives path-prefixed
 * messages instead of zod's generic ones.
 */
export const FilterGroupSchema: z.ZodType<FilterGroup> = z.lazy(() =>
  z.object({
    operator: GroupOperatorSchema,
    conditions: z.array(FilterSchema),
  }),
);
export const FilterSchema: z.ZodType<Filter> = z.lazy(() =>
  z.union([FilterGroupSchema, FilterConditionSchema]),
);

/** Nullable filter as stored on dashboards and widgets. */
export const NullableFilterSchema = FilterSchema.nullable();

export function isFilterGroup(filter: Filter): filter is FilterGroup {
  return 'conditions' in filter;
}

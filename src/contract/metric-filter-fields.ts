import type { FieldSpec } from './field-catalogue.ts';
import type { FilterFields } from './filter-validation.ts';

const textField = (field: string, label: string): FieldSpec => ({
  field,
  label,
  kind: 'metric',
  dataType: 'string',
  valueType: 'string',
  filterOps: ['eq', 'in', 'contains'],
  plottable: false,
  groupable: false,
});

const METRIC_FIELDS: ReadonlyMap<string, FieldSpec> = new Map(
  [
    {
      field: 'agents__id',
      label: 'Agent ID',
      kind: 'agent',
      dataType: 'numeric',
      valueType: 'integer',
      filterOps: ['eq', 'in'],
      plottable: false,
      groupable: false,
    } satisfies FieldSpec,
    textField('eval_type', 'Evaluation type'),
    textField('type', 'Metric type'),
    textField('name', 'Metric name'),
  ].map((spec) => [spec.field, spec]),
);

/**
 * The `filters` parameter of the metrics list (contract 7.1): the fields and operators the OpenAPI
 * document names (`agents__id`, `eval_type`, `type`, `name`; `in`, `eq`, `contains`) in `and`/`or`
 * groups. `agents__id` keeps metrics linked to the agent; `contains` is case-insensitive, as on calls.
 */
export const METRIC_FILTER_FIELDS: FilterFields = {
  lookup: (field) => METRIC_FIELDS.get(field),
  operators: ['and', 'or'],
  operatorChoices: "'and' or 'or'",
};

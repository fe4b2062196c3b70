import { CHART_TYPE_LABELS, DATA_TYPE_LABELS, type ChartType } from '../../../../contract/enums.ts';
import {
  FIELD_CATALOGUE,
  FIELD_KIND_LABELS,
  METADATA_KEY_PATTERN,
  METADATA_PREFIX,
  lookupField,
  metadataKeyOf,
  type FieldKind,
  type FieldSpec,
} from '../../../../contract/field-catalogue.ts';
import { allowedChartTypes, plottableFields } from '../../../../contract/widget-rules.ts';
import type { PickerGroup, PickerOption } from '../../../ui/searchable-picker.tsx';

const KIND_ORDER: readonly FieldKind[] = ['call', 'agent', 'metadata', 'metric'];
const METADATA_TEMPLATE = 'metadata.*';

function optionFor(spec: FieldSpec): PickerOption {
  return {
    value: spec.field,
    label: spec.label,
    detail:
      spec.dataType === 'dynamic' ? 'follows the metric' : DATA_TYPE_LABELS[spec.dataType].toLowerCase(),
    keywords: `${spec.field} ${FIELD_KIND_LABELS[spec.kind]}`,
  };
}

/** The concrete `metadata.<key>` specs to offer: the current field and keys used on the dashboard. */
function metadataSpecs(keys: readonly string[]): FieldSpec[] {
  return [...new Set(keys)]
    .map((key) => lookupField(`${METADATA_PREFIX}${key}`))
    .filter((spec): spec is FieldSpec => spec !== undefined);
}

/**
 * The Field picker's groups for a chart type: every field the chart can plot, grouped Call / Agent /
 * Metadata / Metric evaluation with data types (from the contract's `plottableFields`, never a local
 * list), metadata keys already in use, and a last group "For other chart types" with the fields this
 * chart cannot show, each saying which chart choosing it switches to. Total.
 */
export function fieldPickerGroups(chartType: ChartType, metadataKeys: readonly string[]): PickerGroup[] {
  const fitting = plottableFields(chartType).filter((spec) => spec.field !== METADATA_TEMPLATE);
  const metadataFits = plottableFields(chartType).some((spec) => spec.field === METADATA_TEMPLATE);
  const metadata = metadataFits ? metadataSpecs(metadataKeys) : [];
  const groups: PickerGroup[] = KIND_ORDER.map((kind) => ({
    id: kind,
    label: FIELD_KIND_LABELS[kind],
    options: [...fitting, ...(kind === 'metadata' ? metadata : [])]
      .filter((spec) => spec.kind === kind)
      .map(optionFor),
  })).filter((group) => group.options.length > 0);

  const fittingFields = new Set(fitting.map((spec) => spec.field));
  const others = FIELD_CATALOGUE.filter(
    (spec) => spec.plottable && spec.field !== METADATA_TEMPLATE && !fittingFields.has(spec.field),
  ).flatMap((spec) => {
    const target = allowedChartTypes(spec.field, null).find((chart) => chart !== 'stat');
    return target
      ? [{ ...optionFor(spec), reason: `Switches the chart to ${CHART_TYPE_LABELS[target]}` }]
      : [];
  });
  if (others.length > 0) groups.push({ id: 'other', label: 'For other chart types', options: others });
  return groups;
}

/** A typed `metadata.<key>` (or bare key) offered as an option when it is a valid top-level key. */
export function metadataOptionForQuery(chartType: ChartType, query: string): PickerGroup | null {
  const key = query.startsWith(METADATA_PREFIX) ? query.slice(METADATA_PREFIX.length) : query;
  if (!METADATA_KEY_PATTERN.test(key)) return null;
  if (!plottableFields(chartType).some((spec) => spec.field === METADATA_TEMPLATE)) return null;
  const spec = lookupField(`${METADATA_PREFIX}${key}`);
  return spec
    ? { id: 'typed', label: 'Metadata key', options: [{ ...optionFor(spec), keywords: query }] }
    : null;
}

/** Metadata keys used by a dashboard's widgets (plotted or grouped by), for suggestions. */
export function metadataKeysInUse(fields: readonly (string | null | undefined)[]): string[] {
  return [...new Set(fields.map((field) => (field ? metadataKeyOf(field) : null)).filter((k) => k !== null))];
}

import {
  FIELD_KIND_LABELS,
  METADATA_KEY_PATTERN,
  METADATA_PREFIX,
  type FieldKind,
  type FieldSpec,
} from '../../../contract/field-catalogue.ts';
import { DATA_TYPE_LABELS } from '../../../contract/enums.ts';
import { FILTERABLE_FIELDS } from './condition-values.ts';

export interface FieldOption {
  /** The wire field the option sets; `metadata.` means "type a key". */
  readonly value: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly typeLabel: string;
  /** Lower is a better match for the query; the picker highlights the best one. */
  readonly rank: number;
}

export interface FieldOptionGroup {
  readonly kind: FieldKind;
  readonly label: string;
  readonly options: readonly FieldOption[];
}

/** The value of the "type any metadata key" option. */
export const OTHER_METADATA_KEY = METADATA_PREFIX;

const KIND_ORDER: readonly FieldKind[] = ['call', 'agent', 'metadata', 'metric'];

function rankOf(query: string, label: string, haystack: string): number | null {
  if (query === '') return 10;
  const tokens = query.toLowerCase().split(/\s+/).filter(Boolean);
  const lowerLabel = label.toLowerCase();
  if (!tokens.every((token) => haystack.includes(token))) return null;
  const whole = query.toLowerCase().trim();
  if (lowerLabel.startsWith(whole)) return 0;
  if (lowerLabel.split(/[\s:]+/).some((word) => word.startsWith(whole))) return 1;
  if (lowerLabel.includes(whole)) return 2;
  return 4;
}

function optionFor(
  spec: FieldSpec,
  query: string,
  value = spec.field,
  label = spec.label,
): FieldOption | null {
  const typeLabel = DATA_TYPE_LABELS[spec.dataType];
  const haystack = `${label} ${value} ${FIELD_KIND_LABELS[spec.kind]} ${typeLabel}`.toLowerCase();
  const rank = rankOf(query, label, haystack);
  return rank === null ? null : { value, label, kind: spec.kind, typeLabel, rank };
}

/**
 * The field picker's options for a search query, grouped Call, Agent, Metadata, Metric evaluation
 * (empty groups left out). Metadata offers the keys already in use, a typed key when it is a valid
 * top-level key, and "Other metadata key…" to type one. Total.
 */
export function buildFieldOptions(query: string, metadataKeys: readonly string[]): FieldOptionGroup[] {
  const trimmed = query.trim();
  const options: FieldOption[] = [];
  for (const spec of FILTERABLE_FIELDS) {
    if (spec.kind !== 'metadata') {
      const option = optionFor(spec, trimmed);
      if (option) options.push(option);
      continue;
    }
    const keys = [...new Set(metadataKeys)].filter((key) => METADATA_KEY_PATTERN.test(key)).sort();
    for (const key of keys) {
      const option = optionFor(spec, trimmed, `${METADATA_PREFIX}${key}`, `Metadata: ${key}`);
      if (option) options.push(option);
    }
    const typedKey = trimmed.startsWith(METADATA_PREFIX) ? trimmed.slice(METADATA_PREFIX.length) : trimmed;
    if (typedKey !== '' && METADATA_KEY_PATTERN.test(typedKey) && !keys.includes(typedKey)) {
      options.push({
        value: `${METADATA_PREFIX}${typedKey}`,
        label: `Metadata: ${typedKey}`,
        kind: 'metadata',
        typeLabel: 'New key',
        rank: 5,
      });
    }
    const other = optionFor(spec, trimmed, OTHER_METADATA_KEY, 'Other metadata key…');
    if (other) options.push({ ...other, rank: Math.max(other.rank, 6) });
  }
  return KIND_ORDER.map((kind) => ({
    kind,
    label: FIELD_KIND_LABELS[kind],
    options: options.filter((option) => option.kind === kind),
  })).filter((group) => group.options.length > 0);
}

/** The best match of a query across groups (first of the lowest rank), or null. */
export function bestFieldOption(groups: readonly FieldOptionGroup[]): FieldOption | null {
  let best: FieldOption | null = null;
  for (const group of groups) {
    for (const option of group.options) if (!best || option.rank < best.rank) best = option;
  }
  return best;
}

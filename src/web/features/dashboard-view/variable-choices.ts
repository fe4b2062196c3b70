import type { ValueCount } from '../../../contract/value-counts-schema.ts';

export const NONE_LABEL = '(none)';

export interface VariableChoice {
  /** null: "(none)", the calls without a value. */
  value: string | null;
  label: string;
  /** Calls over the dashboard's window; null when the API has no counts. */
  count: number | null;
}

/**
 * The options of a variable's picker: the counted values and "(none)" (when calls lack a value), most
 * frequent first (ties by label); chosen values the counts do not list (from a link, or typed against
 * an API without counts) are kept, after them. `search` keeps the labels that contain it, in any case.
 * Total.
 */
export function variableChoices(
  counted: { values: readonly ValueCount[]; missing: number } | null,
  chosen: readonly (string | null)[],
  search: string,
): VariableChoice[] {
  const choices: VariableChoice[] = (counted?.values ?? []).map((v) => ({
    value: v.value,
    label: v.value,
    count: v.count,
  }));
  if (counted && counted.missing > 0)
    choices.push({ value: null, label: NONE_LABEL, count: counted.missing });
  choices.sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || a.label.localeCompare(b.label));
  for (const value of chosen) {
    if (choices.some((c) => c.value === value)) continue;
    choices.push({ value, label: value ?? NONE_LABEL, count: counted ? 0 : null });
  }
  const needle = search.trim().toLowerCase();
  return needle === '' ? choices : choices.filter((c) => c.label.toLowerCase().includes(needle));
}

/** A variable's selection in words: "All", the one value, or "3 values". Total. */
export function describeChoice(values: readonly (string | null)[]): string {
  if (values.length === 0) return 'All';
  if (values.length === 1) return values[0] ?? NONE_LABEL;
  if (values.length === 2) return values.map((v) => v ?? NONE_LABEL).join(', ');
  return `${values.length} values`;
}

import { NullableFilterSchema, type Filter } from '../../../contract/filter-schema.ts';
import { fromWire, toWire } from './filter-tree.ts';
import { isJsonEqual } from '../../lib/is-json-equal.ts';

export type JsonDraftResult =
  | { readonly ok: true; readonly filter: Filter | null; readonly parsed: unknown }
  | { readonly ok: false; readonly problem: string; readonly parsed: unknown };

/**
 * Reads the "Edit as JSON" text. It is accepted only when the visual builder can show it without
 * losing anything: valid JSON, a filter shape, and no key the builder would drop. Empty text is
 * `null` (no filter). Validation of fields, operators and values is separate (`validateFilter`), so
 * an invalid but well-formed filter still switches back and is fixed row by row. Total.
 */
export function readJsonDraft(text: string): JsonDraftResult {
  if (text.trim() === '') return { ok: true, filter: null, parsed: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error: unknown) {
    const detail = error instanceof Error ? error.message : 'it does not parse';
    return { ok: false, problem: `This is not valid JSON: ${detail}`, parsed: undefined };
  }
  const result = NullableFilterSchema.safeParse(parsed);
  if (!result.success) {
    return {
      ok: false,
      problem: 'This is not a filter: each node needs field, op and value, or operator and conditions.',
      parsed,
    };
  }
  if (!isJsonEqual(toWire(fromWire(result.data)), parsed)) {
    return {
      ok: false,
      problem:
        'Some keys cannot be kept by the visual builder (a node is either a condition or a group, with no other keys).',
      parsed,
    };
  }
  return { ok: true, filter: result.data, parsed };
}

/** The JSON text of a filter as the editor shows it. */
export function formatFilterJson(filter: Filter | null): string {
  return JSON.stringify(filter, null, 2);
}

import type * as z from 'zod';
import type { DrfErrors } from '../../contract/drf-errors.ts';

/** DRF's wording for one zod issue, given the input that caused it. */
function drfMessage(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return 'This field is required.';
      if (input === null) return 'This field may not be null.';
      if (issue.expected === 'number' || issue.expected === 'int') return 'A valid integer is required.';
      if (issue.expected === 'string') return 'Not a valid string.';
      if (issue.expected === 'boolean') return 'Must be a valid boolean.';
      if (issue.expected === 'array') return `Expected a list of items but got type "${typeName(input)}".`;
      if (issue.expected === 'object' || issue.expected === 'record')
        return `Expected a dictionary of items but got type "${typeName(input)}".`;
      return issue.message;
    case 'too_big':
      return issue.origin === 'string'
        ? `Ensure this field has no more than ${String(issue.maximum)} characters.`
        : issue.message;
    case 'invalid_value':
    case 'invalid_union':
      if (input === undefined) return 'This field is required.';
      return typeof input === 'string' || typeof input === 'number'
        ? `"${String(input)}" is not a valid choice.`
        : 'Not a valid value.';
    default:
      return issue.message;
  }
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (value === null) return 'NoneType';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'boolean') return 'bool';
  return 'dict';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = Object.entries(current).find(([k]) => k === String(key))?.[1];
  }
  return current;
}

/**
 * Turns zod issues into DRF field errors keyed by the top-level field (D8); deeper paths are prefixed
 * to the message (`"[2]: A valid integer is required."`). Issues without a path go to non_field_errors.
 */
export function zodToDrf(error: z.ZodError, input: unknown): DrfErrors {
  const out: DrfErrors = {};
  for (const issue of error.issues) {
    const [head, ...rest] = issue.path;
    const key = head === undefined ? 'non_field_errors' : String(head);
    const message = drfMessage(issue, valueAt(input, issue.path));
    const prefix =
      rest.length > 0
        ? `${rest
            .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
            .join('')
            .replace(/^\./, '')}: `
        : '';
    const list = out[key] ?? [];
    const text = `${prefix}${message}`;
    if (!list.includes(text)) list.push(text);
    out[key] = list;
  }
  return out;
}

/** Merges DRF error maps, keeping every message once. */
export function mergeDrfErrors(...maps: (DrfErrors | null | undefined)[]): DrfErrors | null {
  const out: DrfErrors = {};
  for (const map of maps) {
    if (!map) continue;
    for (const [key, messages] of Object.entries(map)) {
      const list = out[key] ?? [];
      for (const message of messages) if (!list.includes(message)) list.push(message);
      out[key] = list;
    }
  }
  return Object.keys(out).length > 0 ? out : null;
}

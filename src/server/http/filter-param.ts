import { FilterSchema, type Filter } from '../../contract/filter-schema.ts';
import { validateFilter } from '../../contract/filter-validation.ts';
import { badRequest } from './api-error.ts';
import { re2PatternProblem } from './re2-pattern.ts';
import { exceedsJsonDepth, TOO_DEEP_MESSAGE } from './json-depth.ts';

type FilterOptions = Parameters<typeof validateFilter>[1];

/**
 * Validates a filter value under `key` (D8): null is "no filter", anything else must be a valid tree.
 * Regex patterns are always compiled with RE2 here: every filter a request brings passes through.
 */
export function checkFilterValue(value: unknown, key: string, options: FilterOptions): Filter | null {
  if (value === null) return null;
  const messages = validateFilter(value, { checkRegex: re2PatternProblem, ...options });
  if (messages.length > 0) throw badRequest({ [key]: messages });
  const parsed = FilterSchema.safeParse(value);
  if (!parsed.success) throw badRequest({ [key]: ['Not a valid filter.'] });
  return parsed.data;
}

/** A filter sent as JSON text (a query parameter), validated under `key` like a body filter. */
export function parseFilterText(text: string, key: string, options: FilterOptions): Filter | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest({ [key]: ['Value must be valid JSON.'] });
  }
  if (exceedsJsonDepth(value)) throw badRequest({ [key]: [TOO_DEEP_MESSAGE] });
  return checkFilterValue(value, key, options);
}

export interface Suggestion {
  readonly value: string;
  /** Shown beside the value, e.g. "812 calls". */
  readonly detail?: string;
}

/**
 * The suggestions to list for what was typed: all of them for empty text, else those containing the
 * text (case-insensitive), the ones that start with it first; the given order (e.g. most frequent
 * first) is kept within each. At most `limit`. Pure and total.
 */
export function matchSuggestions<T extends Suggestion>(
  suggestions: readonly T[],
  text: string,
  limit = 50,
): T[] {
  const needle = text.trim().toLowerCase();
  if (needle === '') return suggestions.slice(0, limit);
  const starts: T[] = [];
  const contains: T[] = [];
  for (const suggestion of suggestions) {
    const value = suggestion.value.toLowerCase();
    if (value.startsWith(needle)) starts.push(suggestion);
    else if (value.includes(needle)) contains.push(suggestion);
  }
  return [...starts, ...contains].slice(0, limit);
}

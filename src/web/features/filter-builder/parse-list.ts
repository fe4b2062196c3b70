/**
 * Splits pasted or typed text into list items: commas, semicolons, tabs and newlines separate;
 * surrounding spaces and one pair of surrounding quotes are trimmed; empty items are dropped.
 * `"US", "EU"\nUK` → `['US', 'EU', 'UK']`. Total.
 */
export function splitListText(text: string): string[] {
  return text
    .split(/[,;\t\r\n]+/)
    .map((item) =>
      item
        .trim()
        .replace(/^(["'])(.*)\1$/, '$2')
        .trim(),
    )
    .filter((item) => item !== '');
}

/**
 * Reads one list item as the value type of the field: whole numbers and numbers become numbers when
 * they parse, text stays text; anything that does not fit is kept as typed so validation can name it. Total.
 */
export function parseListItem(text: string, valueType: string | null): unknown {
  if (valueType === 'integer' || valueType === 'number') {
    const number = Number(text);
    return text.trim() !== '' && Number.isFinite(number) ? number : text;
  }
  if (valueType === 'boolean') {
    if (text === 'true') return true;
    if (text === 'false') return false;
  }
  return text;
}

/** Reads a scalar typed into a free input for a value of unknown type (metric values): number, true/false or text. */
export function parseLooseScalar(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  return text;
}

import * as z from 'zod';

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether a string is valid Unicode: no UTF-16 surrogate without its partner. JSON can carry a lone
 * surrogate (`"\ud800"`), but it is not text: SQLite stores UTF-8 and turns it into U+FFFD, so a name
 * would not read back as it was sent and a filter could match what it does not name. Total.
 */
export function isWellFormedText(text: string): boolean {
  return !UNPAIRED_SURROGATE.test(text);
}

export const BROKEN_TEXT_MESSAGE = 'Text must be valid Unicode (it has a broken character).';

/** A name or other free text stored as a text column: at most `maxLength` UTF-16 units, valid Unicode. */
export function wellFormedString(maxLength: number) {
  return z.string().max(maxLength).refine(isWellFormedText, BROKEN_TEXT_MESSAGE);
}

/**
 * `text` cut to at most `maxLength` UTF-16 units without splitting a surrogate pair (the half pair is
 * dropped), so shortening valid text keeps it valid. Total.
 */
export function truncateText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

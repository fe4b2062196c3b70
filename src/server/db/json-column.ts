import { NullableFilterSchema, type Filter } from '../../contract/filter-schema.ts';
import { WidgetMetadataSchema, type WidgetMetadata } from '../../contract/widget-schema.ts';

/** Parses a JSON text column; null for null or (never expected) unreadable text. */
export function readJsonColumn(text: string | null): unknown {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    return null;
  }
}

/** A stored filter, parsed with the contract schema (null when absent or unreadable). */
export function readFilterColumn(text: string | null): Filter | null {
  const parsed = NullableFilterSchema.safeParse(readJsonColumn(text));
  return parsed.success ? parsed.data : null;
}

export function readMetadataColumn(text: string | null): WidgetMetadata {
  const parsed = WidgetMetadataSchema.safeParse(readJsonColumn(text));
  return parsed.success ? parsed.data : null;
}

/** JSON text for a nullable JSON column. */
export function writeJsonColumn(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

import { readCsvRecords } from './csv-records.ts';
import { decodeUtf8 } from './decode-utf8.ts';
import { readJsonRecords, type JsonRecord } from './json-records.ts';
import { MAX_RECORD_CHARS } from './malformed-file-error.ts';

export type CallFileFormat = 'json' | 'csv';

/** A row of an import file: where it is, for reports, and its value (validated later). */
export interface CallRecord {
  line: number;
  /** "line 12", or "line 3, results[4]" for a call inside a page of the v2 list. */
  where: string;
  value: unknown;
}

/** The format a file name says (`.csv` is CSV; JSON, JSON Lines and anything else is JSON). */
export function formatOfFileName(name: string): CallFileFormat {
  return /\.csv$/i.test(name) ? 'csv' : 'json';
}

function isPage(value: unknown): value is { results: unknown[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    'results' in value &&
    Array.isArray(value.results)
  );
}

/**
 * The call records of an import file, streamed: JSON Lines, a JSON array of calls, or pages of the
 * v2 list (`{count, next, previous, results}`, alone, one per line or in an array), or CSV. Throws
 * MalformedFileError for a file that cannot be read as records.
 */
export async function* readCallRecords(
  bytes: AsyncIterable<Uint8Array>,
  format: CallFileFormat,
  maxChars = MAX_RECORD_CHARS,
): AsyncGenerator<CallRecord> {
  const text = decodeUtf8(bytes);
  const records: AsyncGenerator<JsonRecord> =
    format === 'csv' ? readCsvRecords(text, maxChars) : readJsonRecords(text, maxChars);
  for await (const record of records) {
    if (isPage(record.value)) {
      let index = 0;
      for (const value of record.value.results) {
        yield { line: record.line, where: `line ${record.line}, results[${index}]`, value };
        index += 1;
      }
    } else yield { line: record.line, where: `line ${record.line}`, value: record.value };
  }
}

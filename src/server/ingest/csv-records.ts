import { MAX_RECORD_CHARS, MalformedFileError } from './malformed-file-error.ts';
import type { JsonRecord } from './json-records.ts';

/** Splits RFC 4180 CSV text into rows of cells (quotes, doubled quotes, CRLF), with each row's line. */
async function* readCsvRows(
  chunks: AsyncIterable<string>,
  maxChars: number,
): AsyncGenerator<{ line: number; cells: string[] }> {
  let line = 1;
  let rowLine = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let afterQuote = false;
  let size = 0;
  const endCell = () => {
    cells.push(cell);
    cell = '';
    afterQuote = false;
  };
  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i] ?? '';
      if (++size > maxChars)
        throw new MalformedFileError(rowLine, `a row is longer than ${maxChars} characters.`);
      if (quoted) {
        if (ch === '"') {
          if (chunk[i + 1] === '"') {
            cell += '"';
            i += 1;
          } else {
            // At a chunk's end this may be the first half of a doubled quote: the next chunk decides.
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (ch === '\n') line += 1;
          cell += ch;
        }
        continue;
      }
      if (ch === '"') {
        if (afterQuote) {
          // The second half of a doubled quote split across chunks.
          cell += '"';
          quoted = true;
          afterQuote = false;
        } else if (cell === '') quoted = true;
        else throw new MalformedFileError(line, 'a quote inside an unquoted cell (quote the whole cell).');
      } else if (ch === ',') endCell();
      else if (ch === '\n') {
        endCell();
        if (!(cells.length === 1 && cells[0] === '')) yield { line: rowLine, cells };
        line += 1;
        rowLine = line;
        cells = [];
        size = 0;
      } else if (ch !== '\r') {
        if (afterQuote) throw new MalformedFileError(line, 'text after a closing quote.');
        cell += ch;
      }
    }
  }
  if (quoted) throw new MalformedFileError(rowLine, 'the file ends inside a quoted cell (is it truncated?).');
  endCell();
  if (!(cells.length === 1 && cells[0] === '')) yield { line: rowLine, cells };
}

const BOOLEAN_COLUMNS = new Set(['success', 'is_reviewed']);
const INTEGER_COLUMNS = new Set(['agent', 'project']);

function cellValue(column: string, raw: string): unknown {
  if (BOOLEAN_COLUMNS.has(column)) {
    if (/^(true|1|yes)$/i.test(raw)) return true;
    if (/^(false|0|no)$/i.test(raw)) return false;
  }
  if (INTEGER_COLUMNS.has(column) && /^\d{1,15}$/.test(raw)) return Number(raw);
  if (column === 'metrics') {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return raw;
    }
  }
  return raw;
}

/**
 * CSV rows as call-log objects: the header names call-log fields; `metadata.<key>` columns become
 * metadata keys and `metric.<name>` columns evaluations of that metric; an empty cell is an absent
 * field. A row with more or fewer cells than the header ends the file with its line.
 */
export async function* readCsvRecords(
  chunks: AsyncIterable<string>,
  maxChars = MAX_RECORD_CHARS,
): AsyncGenerator<JsonRecord> {
  let header: string[] | null = null;
  for await (const row of readCsvRows(chunks, maxChars)) {
    if (header === null) {
      header = row.cells.map((name) => name.trim());
      if (!header.includes('call_id'))
        throw new MalformedFileError(row.line, 'the header has no call_id column.');
      continue;
    }
    if (row.cells.length !== header.length)
      throw new MalformedFileError(
        row.line,
        `the row has ${row.cells.length} cells, the header ${header.length}.`,
      );
    const value: Record<string, unknown> = {};
    const metadata: Record<string, unknown> = {};
    const metrics: { name: string; value: string }[] = [];
    header.forEach((column, index) => {
      const raw = row.cells[index] ?? '';
      if (raw === '') return;
      const define = (target: Record<string, unknown>, key: string, item: unknown) =>
        Object.defineProperty(target, key, { value: item, enumerable: true });
      if (column.startsWith('metadata.')) define(metadata, column.slice('metadata.'.length), raw);
      else if (column.startsWith('metric.'))
        metrics.push({ name: column.slice('metric.'.length), value: raw });
      else define(value, column, cellValue(column, raw));
    });
    if (Object.keys(metadata).length > 0) value.metadata = metadata;
    if (metrics.length > 0) value.metrics = metrics;
    yield { line: row.line, value };
  }
}

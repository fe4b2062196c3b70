import { MAX_RECORD_CHARS, MalformedFileError } from './malformed-file-error.ts';

export interface JsonRecord {
  /** The line the value starts on (1-based). */
  line: number;
  value: unknown;
}

/**
 * Splits JSON text into its top-level values without holding more than one in memory: JSON Lines,
 * concatenated or pretty-printed values, or one top-level array (each element is a value). Only
 * string, escape and bracket state is tracked; each value is then parsed with JSON.parse. A value
 * longer than `maxChars`, text between values, or an end inside a value is a MalformedFileError.
 */
export async function* readJsonRecords(
  chunks: AsyncIterable<string>,
  maxChars = MAX_RECORD_CHARS,
): AsyncGenerator<JsonRecord> {
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let pieces: string[] = [];
  let size = 0;
  let start: number; // index in the current chunk where the value began, -1 when it began earlier
  let startLine = 0;
  let inTopArray = false;
  let topArrayClosed = false;
  let expectComma = false;
  let sawAny = false;

  const finish = (): JsonRecord => {
    const text = pieces.join('');
    pieces = [];
    size = 0;
    try {
      return { line: startLine, value: JSON.parse(text) };
    } catch (error: unknown) {
      const reason = error instanceof Error ? error.message : 'invalid JSON';
      throw new MalformedFileError(startLine, `not valid JSON (${reason}).`);
    }
  };

  for await (const chunk of chunks) {
    start = depth > 0 ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (ch === 10) line += 1;
      if (depth > 0) {
        if (inString) {
          if (escaped) escaped = false;
          else if (ch === 92) escaped = true;
          else if (ch === 34) inString = false;
          else if (ch === 10)
            throw new MalformedFileError(line - 1, 'a string runs past the end of the line.');
        } else if (ch === 34) inString = true;
        else if (ch === 123 || ch === 91) depth += 1;
        else if (ch === 125 || ch === 93) {
          depth -= 1;
          if (depth === 0) {
            pieces.push(chunk.slice(start, i + 1));
            yield finish();
            expectComma = inTopArray;
            start = -1;
          }
        }
        continue;
      }
      // Between values: whitespace, and inside a top-level array its commas and closing bracket.
      if (ch === 32 || ch === 10 || ch === 13 || ch === 9) continue;
      if (topArrayClosed) throw new MalformedFileError(line, 'text after the end of the JSON array.');
      if (inTopArray && ch === 44 && expectComma) {
        expectComma = false;
        continue;
      }
      if (inTopArray && ch === 93) {
        inTopArray = false;
        topArrayClosed = true;
        continue;
      }
      if (!sawAny && ch === 91) {
        sawAny = true;
        inTopArray = true;
        continue;
      }
      if (ch === 123 && !inTopArray) {
        // JSON Lines: a whole line that parses alone is one record, without the scan below (V8's
        // JSON.parse reads a line far faster than a loop over its characters). Anything else (a
        // value over several lines or chunks, several on a line, an error) takes the scan, which
        // knows where the problem is.
        const end = chunk.indexOf('\n', i);
        if (end !== -1 && end - i <= maxChars) {
          const value = parseObject(chunk.slice(i, end));
          if (value !== undefined) {
            sawAny = true;
            yield { line, value };
            i = end - 1;
            continue;
          }
        }
      }
      if ((ch === 123 || ch === 91) && !expectComma) {
        sawAny = true;
        depth = 1;
        start = i;
        startLine = line;
        continue;
      }
      throw new MalformedFileError(
        line,
        expectComma
          ? 'expected "," or "]" between array items.'
          : `unexpected "${chunk[i] ?? ''}" (expected a JSON object).`,
      );
    }
    if (depth > 0) {
      const piece = chunk.slice(start === -1 ? 0 : start);
      size += piece.length;
      if (size > maxChars)
        throw new MalformedFileError(startLine, `a record is longer than ${maxChars} characters.`);
      pieces.push(piece);
    }
  }
  if (depth > 0)
    throw new MalformedFileError(startLine, 'the file ends inside this record (is it truncated?).');
  if (inTopArray)
    throw new MalformedFileError(line, 'the file ends before the closing "]" (is it truncated?).');
}

/** The object a line holds, or undefined when it is not exactly one JSON object. */
function parseObject(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

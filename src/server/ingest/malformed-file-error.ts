/** A file that cannot be read as records at all: one message naming the line, and nothing is stored. */
export class MalformedFileError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`Line ${line}: ${reason}`);
  }
}

/** A record (JSON value or CSV row) may hold at most this many characters (a whole page of calls fits). */
export const MAX_RECORD_CHARS = 8 * 1024 * 1024;

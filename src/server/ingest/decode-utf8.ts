import { Buffer, isUtf8 } from 'node:buffer';
import { MalformedFileError } from './malformed-file-error.ts';

const BOM = [0xef, 0xbb, 0xbf];

/**
 * How many leading bytes of `bytes` end on a character boundary: an incomplete sequence at the very
 * end (a character split between two chunks) is left for the next chunk. Anything else, valid or
 * not, is counted (the validation judges it).
 */
export function completeUtf8Length(bytes: Uint8Array): number {
  const length = bytes.length;
  let start = length - 1;
  while (start >= 0 && start > length - 4 && ((bytes[start] ?? 0) & 0xc0) === 0x80) start -= 1;
  if (start < 0) return length;
  const lead = bytes[start] ?? 0;
  const size = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 1;
  return lead >= 0x80 && length - start < size ? start : length;
}

/**
 * The offset of the first byte that starts an invalid UTF-8 sequence (overlong forms, surrogates and
 * code points past U+10FFFF included, as the WHATWG decoder rejects them), or -1 when there is none.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead === 0xe0) [need, lower] = [2, 0xa0];
    else if (lead === 0xed) [need, upper] = [2, 0x9f];
    else if (lead >= 0xe1 && lead <= 0xef) need = 2;
    else if (lead === 0xf0) [need, lower] = [3, 0x90];
    else if (lead === 0xf4) [need, upper] = [3, 0x8f];
    else if (lead >= 0xf1 && lead <= 0xf3) need = 3;
    else return i;
    for (let k = 1; k <= need; k += 1) {
      const next = bytes[i + k];
      const [low, high] = k === 1 ? [lower, upper] : [0x80, 0xbf];
      if (next === undefined || next < low || next > high) return i;
    }
    i += need + 1;
  }
  return -1;
}

function countLines(bytes: Uint8Array, end: number): number {
  let lines = 0;
  for (let at = bytes.indexOf(10); at !== -1 && at < end; at = bytes.indexOf(10, at + 1)) lines += 1;
  return lines;
}

/**
 * Decodes a byte stream as UTF-8 text chunk by chunk (a leading byte-order mark is dropped); bytes
 * that are not UTF-8 end the stream with the line they are on. Each chunk is checked whole by
 * `isUtf8` and converted by `Buffer#toString` (both native and vectorised: a streaming TextDecoder
 * was a tenth of an import's time), a character split between chunks waiting for the next one.
 */
export async function* decodeUtf8(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let line = 1;
  let carry: Buffer | null = null;
  let atStart = true;
  const fail = (bytes: Uint8Array, offset: number): never => {
    throw new MalformedFileError(
      line + countLines(bytes, offset),
      'the file is not UTF-8 text (save or export it as UTF-8).',
    );
  };
  const decode = (bytes: Buffer): string => {
    if (!isUtf8(bytes)) fail(bytes, Math.max(0, firstInvalidUtf8(bytes)));
    line += countLines(bytes, bytes.length);
    return bytes.toString('utf8');
  };
  for await (const chunk of source) {
    let bytes: Buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (carry) {
      bytes = Buffer.concat([carry, bytes]);
      carry = null;
    }
    if (atStart) {
      // The byte-order mark may itself be split: wait for three bytes.
      if (bytes.length < BOM.length && BOM.slice(0, bytes.length).every((b, i) => bytes[i] === b)) {
        carry = Buffer.from(bytes);
        continue;
      }
      atStart = false;
      if (BOM.every((b, i) => bytes[i] === b)) bytes = bytes.subarray(BOM.length);
    }
    const complete = completeUtf8Length(bytes);
    if (complete < bytes.length) {
      // Copied: the source may reuse its buffer for the next chunk.
      carry = Buffer.from(bytes.subarray(complete));
      bytes = bytes.subarray(0, complete);
    }
    const text = decode(bytes);
    if (text) yield text;
  }
  // What is left is an incomplete character (or the start of a byte-order mark and nothing else).
  if (carry && carry.length > 0) fail(carry, 0);
}

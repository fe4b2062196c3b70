import { MalformedFileError } from './malformed-file-error.ts';

/**
 * Decodes a byte stream as UTF-8 text chunk by chunk (a leading byte-order mark is dropped); bytes
 * that are not UTF-8 end the stream with the line they are on.
 */
export async function* decodeUtf8(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let line = 1;
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new MalformedFileError(line, 'the file is not UTF-8 text (save or export it as UTF-8).');
    }
  };
  for await (const bytes of source) {
    // Lines are counted before decoding so an error names the line the bad byte is on.
    const text = decode(bytes);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) line += 1;
    if (text) yield text;
  }
  const rest = decode();
  if (rest) yield rest;
}

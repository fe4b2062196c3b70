import { describe, expect, it } from 'vitest';
import { completeUtf8Length, decodeUtf8, firstInvalidUtf8 } from './decode-utf8.ts';

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) {
    await Promise.resolve();
    yield bytes.subarray(at, at + size);
  }
}

async function decodeAll(bytes: Uint8Array, size: number): Promise<string> {
  let text = '';
  for await (const piece of decodeUtf8(chunksOf(bytes, size))) text += piece;
  return text;
}

async function failure(bytes: Uint8Array, size: number): Promise<string> {
  try {
    await decodeAll(bytes, size);
  } catch (error: unknown) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'no failure';
}

const encode = (text: string) => new TextEncoder().encode(text);
const SAMPLE = 'é\nZürich €\n𝄞 naïve — 日本語\n{"k":"ß"}\n';

describe('decodeUtf8', () => {
  it.each([1, 2, 3, 4, 5, 7, 64])(
    'decodes text cut into chunks of %i bytes, characters split between them',
    async (size) => {
      expect(await decodeAll(encode(SAMPLE), size)).toBe(SAMPLE);
    },
  );

  it.each([1, 2, 3, 4])(
    'drops a leading byte-order mark, even split over chunks of %i bytes',
    async (size) => {
      expect(await decodeAll(new Uint8Array([0xef, 0xbb, 0xbf, ...encode(SAMPLE)]), size)).toBe(SAMPLE);
      // Only at the start: a later U+FEFF is text.
      expect(await decodeAll(encode(`a\uFEFFb`), size)).toBe('a\uFEFFb');
    },
  );

  it('decodes an empty stream, and a file that is only a byte-order mark, as nothing', async () => {
    expect(await decodeAll(new Uint8Array([]), 4)).toBe('');
    expect(await decodeAll(new Uint8Array([0xef, 0xbb, 0xbf]), 1)).toBe('');
  });

  it.each([
    ['a Latin-1 byte', [...encode('a\nb\nc'), 0xe9, ...encode('\n')], 3],
    ['a lone continuation byte', [...encode('x\n'), 0x80], 2],
    ['an overlong slash', [...encode('x\ny\nz\nw\n'), 0xc0, 0xaf], 5],
    ['a surrogate', [0xed, 0xa0, 0x80], 1],
    ['a code point past U+10FFFF', [...encode('\n'), 0xf4, 0x90, 0x80, 0x80], 2],
    ['a character cut off at the end', [...encode('ok\n'), 0xe2, 0x82], 2],
    ['the start of a byte-order mark alone', [0xef, 0xbb], 1],
  ])('stops at %s, naming its line', async (_label, bytes, line) => {
    for (const size of [1, 3, 1024])
      expect(await failure(new Uint8Array(bytes), size)).toBe(
        `Line ${line}: the file is not UTF-8 text (save or export it as UTF-8).`,
      );
  });
});

describe('completeUtf8Length', () => {
  it.each([
    ['ASCII', [0x61, 0x62], 2],
    ['a whole two-byte character', [0x61, 0xc3, 0xa9], 3],
    ['half a two-byte character', [0x61, 0xc3], 1],
    ['two thirds of a three-byte character', [0x61, 0xe2, 0x82], 1],
    ['three quarters of a four-byte character', [0xf0, 0x9d, 0x84], 0],
    ['a whole four-byte character', [0xf0, 0x9d, 0x84, 0x9e], 4],
    ['continuation bytes only (invalid, left to the check)', [0x80, 0x80, 0x80, 0x80], 4],
    ['nothing', [], 0],
  ])('%s', (_label, bytes, expected) => {
    expect(completeUtf8Length(new Uint8Array(bytes))).toBe(expected);
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    ['valid text', encode(SAMPLE), -1],
    ['a bad byte after text', [0x61, 0x62, 0xff], 2],
    ['an overlong form', [0x61, 0xe0, 0x80, 0x80], 1],
    ['a truncated sequence', [0x61, 0xf0, 0x9d], 1],
  ])('%s', (_label, bytes, expected) => {
    expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(expected);
  });

  it('agrees with the platform decoder on every two-byte sequence', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (let a = 0; a < 256; a += 1)
      for (let b = 0; b < 256; b += 1) {
        const bytes = new Uint8Array([a, b]);
        let valid = true;
        try {
          strict.decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(bytes) === -1, `${a} ${b}`).toBe(valid);
      }
  });
});

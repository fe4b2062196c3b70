import { describe, expect, it } from 'vitest';
import { readCallRecords } from './read-call-records.ts';

async function* chunksOf(text: string | Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  for (let i = 0; i < bytes.length; i += size) {
    await Promise.resolve();
    yield bytes.slice(i, i + size);
  }
}

async function read(text: string | Uint8Array, format: 'json' | 'csv' = 'json', size = 7, maxChars?: number) {
  const out: { where: string; value: unknown }[] = [];
  for await (const record of readCallRecords(chunksOf(text, size), format, maxChars))
    out.push({ where: record.where, value: record.value });
  return out;
}

async function failure(text: string | Uint8Array, format: 'json' | 'csv' = 'json', maxChars?: number) {
  try {
    await read(text, format, 5, maxChars);
  } catch (error: unknown) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'no error';
}

describe('readCallRecords', () => {
  it.each([
    ['JSON Lines', '{"call_id":"a"}\n{"call_id":"b","x":"}{\\""}\n'],
    ['a JSON array', '[\n {"call_id":"a"},\n {"call_id":"b","x":"}{\\""}\n]\n'],
    ['pretty-printed values', '{\n  "call_id": "a"\n}\n{\n  "call_id": "b", "x": "}{\\""\n}'],
    ['a page', '{"count":2,"next":null,"results":[{"call_id":"a"},{"call_id":"b","x":"}{\\""}]}'],
    ['pages in an array', '[{"results":[{"call_id":"a"}]},{"results":[{"call_id":"b","x":"}{\\""}]}]'],
  ])('reads %s, whatever the chunk size', async (_name, text) => {
    for (const size of [1, 3, 64, 4096]) {
      const records = await read(text, 'json', size);
      expect(records.map((r) => r.value)).toEqual([{ call_id: 'a' }, { call_id: 'b', x: '}{"' }]);
    }
  });

  it('names the line of each record and of each call inside a page', async () => {
    expect(
      (await read('\n{"call_id":"a"}\n\n{"results":[{"call_id":"b"},{"call_id":"c"}]}')).map((r) => r.where),
    ).toEqual(['line 2', 'line 4, results[0]', 'line 4, results[1]']);
  });

  // Whole lines take a fast path (JSON.parse per line); lines that are not one object take the scan.
  it('reads lines of one object, values over several lines and several values on a line alike', async () => {
    const text =
      '{"call_id":"a"}\n{\n "call_id":"b"\n}\n{"call_id":"c"}{"call_id":"d"}\n{"call_id":"e"}\r\n[1]';
    for (const size of [2, 4096]) {
      const records = await read(text, 'json', size);
      expect(records.slice(0, 5).map((r) => [r.where, r.value])).toEqual([
        ['line 1', { call_id: 'a' }],
        ['line 2', { call_id: 'b' }],
        ['line 5', { call_id: 'c' }],
        ['line 5', { call_id: 'd' }],
        ['line 6', { call_id: 'e' }],
      ]);
      expect(records[5]?.value).toEqual([1]);
    }
  });

  it('reads CSV with quotes, metadata.<key> and metric.<name> columns', async () => {
    const csv =
      'call_id,success,agent,metadata.region,metric.CSAT,topic\r\nc1,true,2,eu,4,"a, ""b"""\nc2,,,,,\n';
    for (const size of [1, 2, 1000]) {
      expect((await read(csv, 'csv', size)).map((r) => r.value)).toEqual([
        {
          call_id: 'c1',
          success: true,
          agent: 2,
          metadata: { region: 'eu' },
          metrics: [{ name: 'CSAT', value: '4' }],
          topic: 'a, "b"',
        },
        { call_id: 'c2' },
      ]);
    }
  });

  it.each([
    [
      'truncated JSON',
      '{"call_id":"a"}\n{"call_id":"b", "topic": 1',
      'Line 2: the file ends inside this record (is it truncated?).',
    ],
    [
      'a truncated JSON Lines row',
      '{"call_id":"a"}\n{"call_id":"b\n{"call_id":"c"}\n',
      'Line 2: a string runs past the end of the line.',
    ],
    [
      'a truncated array',
      '[{"call_id":"a"},\n{"call_id":"b"}',
      'Line 2: the file ends before the closing "]" (is it truncated?).',
    ],
    ['text between records', '{"call_id":"a"}\nhello\n', 'Line 2: unexpected "h" (expected a JSON object).'],
    ['invalid JSON inside a record', '{"call_id":"a"}\n{"call_id": nope}\n', 'Line 2: not valid JSON'],
    [
      'a huge line',
      `{"call_id":"a"}\n{"call_id":"${'x'.repeat(5000)}"}\n`,
      'Line 2: a record is longer than 1000 characters.',
    ],
  ])('stops at %s with the line', async (_name, text, message) => {
    expect(await failure(text, 'json', 1000)).toContain(message);
  });

  it.each([
    ['ragged rows', 'call_id,topic\na,b\nc\n', 'Line 3: the row has 1 cells, the header 2.'],
    ['no call_id column', 'id,topic\n1,b\n', 'Line 1: the header has no call_id column.'],
    [
      'an open quote',
      'call_id,topic\na,"b\n',
      'Line 2: the file ends inside a quoted cell (is it truncated?).',
    ],
  ])('stops at CSV with %s', async (_name, text, message) => {
    expect(await failure(text, 'csv')).toBe(message);
  });

  it('stops at bytes that are not UTF-8', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"call_id":"a"}\n{"call_id":"'),
      0xff,
      0xfe,
      0x22,
      0x7d,
    ]);
    expect(await failure(bytes)).toMatch(/^Line 2: the file is not UTF-8 text/);
  });
});

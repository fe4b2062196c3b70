import { queryAnalytics } from '../test-support/analytics-rows.ts';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportEventSchema, ImportTargetsSchema } from '../../contract/import-report-schema.ts';
import { openDatabase } from '../db/open-database.ts';
import { createApp } from '../app.ts';
import { seedDatabase } from '../seed/seed-database.ts';
import type { OpenDatabase } from '../db/open-database.ts';

const NOW = new Date('2026-12-07T00:00:00.000Z');
const sample = readFileSync('docs/examples/sample-calls.jsonl', 'utf8');
let database: OpenDatabase;
let apiKey: string;
let app: ReturnType<typeof createApp>;
beforeAll(() => {
  database = openDatabase(':memory:');
  apiKey = seedDatabase(database, { calls: 0, now: NOW }).apiKey;
  app = createApp({ database });
});
afterAll(() => database.close());

async function upload(text: string, query: string) {
  const response = await app.request(`http://localhost/studio/import/${query}`, {
    method: 'POST',
    headers: { 'X-CEKURA-API-KEY': apiKey, 'content-type': 'application/octet-stream' },
    body: text,
  });
  if (response.status !== 200)
    return { status: response.status, events: [], last: (await response.json()) as unknown };
  const events = (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => ImportEventSchema.parse(JSON.parse(line)));
  return { status: response.status, events, last: events.at(-1) };
}

describe('/studio/import/', () => {
  it('lists the projects the key can import into', async () => {
    const response = await app.request('http://localhost/studio/import/', {
      headers: { 'X-CEKURA-API-KEY': apiKey },
    });
    expect(ImportTargetsSchema.parse(await response.json()).projects.map((p) => p.id)).toEqual([1, 2]);
    const anonymous = await app.request('http://localhost/studio/import/');
    expect(anonymous.status).toBe(401);
  });

  it('imports the shipped sample file, streaming progress, then again changing nothing', async () => {
    const rows = sample.trim().split('\n').length;
    const first = await upload(sample, '?project=1&redact=true');
    expect(first.status).toBe(200);
    expect(first.events[0]?.type).toBe('progress');
    expect(first.last).toMatchObject({ type: 'done', report: { outcome: 'committed', stored: rows } });
    const again = await upload(sample, '?project=1');
    expect(again.last).toMatchObject({ type: 'done', report: { stored: 0, unchanged: rows } });
  });

  it('stores nothing of a CSV with a ragged row, and names the line', async () => {
    const result = await upload('call_id,topic\na,b\nc\n', '?project=2&format=csv');
    expect(result.last).toMatchObject({
      type: 'done',
      report: { outcome: 'rolled-back', fatal: 'Line 3: the row has 1 cells, the header 2.' },
    });
    expect(await queryAnalytics(database, 'SELECT count(*) AS n FROM calls WHERE project_id = 2')).toEqual([
      { n: 0 },
    ]);
  });

  it('answers 400 to a bad project or format before reading the file', async () => {
    expect(await upload('', '?project=9')).toMatchObject({
      status: 400,
      last: { project: ['Invalid pk "9" - object does not exist.'] },
    });
    expect(await upload('', '?project=1&format=xml')).toMatchObject({
      status: 400,
      last: { format: ['"xml" is not a valid choice.'] },
    });
  });
});

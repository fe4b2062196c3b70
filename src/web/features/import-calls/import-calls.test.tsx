// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import * as z from 'zod';
import type { TestServer } from '../../../server/test-support/create-test-server.ts';
import { renderWithServer, TEST_BASE_URL } from '../../test-support/render-with-server.tsx';
import { ImportCallsPage } from './import-calls.tsx';

const routes = [{ path: '/import', element: <ImportCallsPage /> }];

/**
 * Three rows of the shipped sample export, given call_ids the seeded server has never seen, an hour
 * old (inside the list's default window) and a topic of their own to find them by.
 */
function sampleRows(prefix: string): string[] {
  const timestamp = new Date(Date.now() - 3_600_000).toISOString();
  return readFileSync('docs/examples/sample-calls.jsonl', 'utf8')
    .split('\n')
    .slice(0, 3)
    .map((line, index) =>
      JSON.stringify({
        ...z.record(z.string(), z.unknown()).parse(JSON.parse(line)),
        call_id: `${prefix}-${index}`,
        topic: prefix,
        timestamp,
        // The last row's agent is new to the project: the import creates it and says so.
        ...(index === 2 ? { agent: null, agent_name: `${prefix} agent` } : {}),
      }),
    );
}

const CallListSchema = z.object({ results: z.array(z.object({ call_id: z.string() })) });

/** The call_ids of project 1's calls on this topic, read through the real v2 list. */
async function storedCallIds(server: TestServer, topic: string): Promise<string[]> {
  const url = new URL('/observability/v2/call-logs/', TEST_BASE_URL);
  url.searchParams.set('project_id', '1');
  url.searchParams.set('filters_v2', JSON.stringify({ field: 'topic', op: 'eq', value: topic }));
  const response = await server.fetch(url.toString(), { headers: { 'X-CEKURA-API-KEY': server.apiKey } });
  expect(response.status).toBe(200);
  return CallListSchema.parse(await response.json())
    .results.map((c) => c.call_id)
    .sort();
}

test('a valid export: chosen, imported, then the counts of what was stored', async () => {
  const { user, server } = renderWithServer(routes, { path: '/import' });
  const form = await screen.findByRole('form', { name: 'Import calls' });
  expect(within(form).getByLabelText('Project')).toHaveValue('1');
  const importButton = within(form).getByRole('button', { name: 'Import' });
  expect(importButton).toBeDisabled();

  const rows = sampleRows('component-ok');
  const file = new File([`${rows.join('\n')}\n`], 'calls.jsonl', { type: 'application/json' });
  await user.upload(within(form).getByLabelText('Call log file'), file);
  expect(importButton).toBeEnabled();
  await user.click(importButton);

  const finished = await screen
    .findByText('Import finished', {}, { timeout: 10_000 })
    .then((h) => h.closest('[role="status"]'));
  expect(finished).toHaveTextContent('Import finished');
  expect(finished).toHaveTextContent(/3 new calls stored, 0 already present \(3 rows in/);
  expect(finished).toHaveTextContent('New in this project: agent "component-ok agent".');
  expect(await storedCallIds(server, 'component-ok')).toEqual([
    'component-ok-0',
    'component-ok-1',
    'component-ok-2',
  ]);

  // The same file again changes nothing (idempotent by call_id).
  await user.click(importButton);
  expect(
    await screen.findByText(/0 new calls stored, 3 already present/, {}, { timeout: 10_000 }),
  ).toBeVisible();
});

test('a broken file: the message names the line inline, and nothing is written', async () => {
  const { user, server } = renderWithServer(routes, { path: '/import' });
  const form = await screen.findByRole('form', { name: 'Import calls' });
  const [first = '', second = ''] = sampleRows('component-bad');
  // A valid first row, then a row cut off mid-object (a truncated download).
  const file = new File([`${first}\n${second.slice(0, 40)}\n`], 'cut.jsonl', { type: 'application/json' });
  await user.upload(within(form).getByLabelText('Call log file'), file);
  await user.click(within(form).getByRole('button', { name: 'Import' }));

  const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
  expect(alert).toHaveTextContent('Nothing was imported');
  expect(alert).toHaveTextContent(/[Ll]ine 2/);
  expect(screen.queryByText('Import finished')).not.toBeInTheDocument();
  expect(await storedCallIds(server, 'component-bad')).toEqual([]);
  expect(screen.queryByText(/New in this project/)).not.toBeInTheDocument();
});

// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { onlineManager } from '@tanstack/react-query';
import { onTestFinished } from 'vitest';
import * as z from 'zod';
import { DashboardListSchema, DashboardSchema } from '../../../contract/dashboard-schema.ts';
import { paginated } from '../../../contract/paginated-schema.ts';
import { createApp } from '../../../server/app.ts';
import { openDatabase } from '../../../server/db/open-database.ts';
import { createHostPolicy } from '../../../server/http/host-policy.ts';
import { createTestServer } from '../../../server/test-support/create-test-server.ts';
import type { TestServer } from '../../../server/test-support/create-test-server.ts';
import { renderWithServer, TEST_BASE_URL } from '../../test-support/render-with-server.tsx';
import { DashboardsPage } from './dashboards.tsx';

const routes = [
  { path: '/dashboards', element: <DashboardsPage /> },
  { path: '/dashboards/:dashboardId', element: <p>Dashboard view</p> },
  { path: '/connection', element: <p>Connection screen</p> },
];

/** Reads through the real API, as every client would. */
async function api<T>(
  server: TestServer,
  path: string,
  schema: z.ZodType<T>,
  init: RequestInit = {},
): Promise<{ status: number; body: T | null }> {
  const response = await server.fetch(`${TEST_BASE_URL}${path}`, {
    ...init,
    headers: { 'X-CEKURA-API-KEY': server.apiKey, 'Content-Type': 'application/json' },
  });
  const text = await response.text();
  return { status: response.status, body: text ? schema.parse(JSON.parse(text)) : null };
}

const listSchema = paginated(DashboardListSchema);
async function listDashboards(server: TestServer) {
  const { body } = await api(server, '/dashboards/dashboards/?page_size=200', listSchema);
  return body?.results ?? [];
}

function rowOf(name: string): HTMLElement {
  const link = screen.getByRole('link', { name });
  const row = link.closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

test('lists every dashboard the key sees with project, widget count and last update', async () => {
  const { server } = renderWithServer(routes, { path: '/dashboards' });
  const expected = await listDashboards(server);
  expect(expected.length).toBeGreaterThan(1);
  for (const dashboard of expected) {
    const row = await screen
      .findByRole('link', { name: dashboard.name ?? '' })
      .then((link) => link.closest('tr')!);
    expect(within(row).getByText(`Project ${dashboard.project}`)).toBeInTheDocument();
    expect(within(row).getByText(String(dashboard.widget_count))).toBeInTheDocument();
    expect(within(row).getByText('just now', { exact: false })).toBeInTheDocument();
  }
});

test('shows a skeleton while loading', () => {
  renderWithServer(routes, { path: '/dashboards' });
  expect(screen.getByText('Loading dashboards').closest('[role="status"]')).toHaveAttribute(
    'aria-busy',
    'true',
  );
  expect(screen.queryByRole('table')).not.toBeInTheDocument();
});

test('filters by project through the URL when the key sees several projects', async () => {
  const { server, user, router } = renderWithServer(routes, { path: '/dashboards' });
  const all = await listDashboards(server);
  const project = all[0]!.project!;
  const select = await screen.findByRole('combobox', { name: 'Project' });
  await user.selectOptions(select, `Project ${project}`);
  expect(router.state.location.search).toBe(`?project=${project}`);
  const rows = screen.getAllByRole('row').slice(1);
  expect(rows).toHaveLength(all.filter((d) => d.project === project).length);
});

test('creates a dashboard with name, project and the "Last 7 days" range, then opens it', async () => {
  const { server, user, router } = renderWithServer(routes, { path: '/dashboards' });
  await user.click(await screen.findByRole('button', { name: 'New dashboard' }));
  const dialog = await screen.findByRole('dialog', { name: 'New dashboard' });
  await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Quality review');
  await user.selectOptions(
    within(dialog).getByRole('combobox', { name: 'Project' }),
    `Project ${server.projectIds[1]}`,
  );
  expect(within(dialog).getByRole('combobox', { name: 'Date range' })).toHaveValue('7d');
  await user.click(within(dialog).getByRole('button', { name: 'Create dashboard' }));
  expect(await screen.findByText('Created “Quality review”')).toBeInTheDocument();
  await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/dashboards\/\d+$/));
  const id = router.state.location.pathname.split('/').pop();
  const { body } = await api(server, `/dashboards/dashboards/${id}/`, DashboardSchema);
  expect(body?.name).toBe('Quality review');
  expect(body?.project).toBe(server.projectIds[1]);
  expect(body?.filters).toEqual({
    operator: 'and',
    conditions: [
      { field: 'timestamp', op: 'gte', value: 'now-7d' },
      { field: 'timestamp', op: 'lte', value: 'now' },
    ],
  });
});

test('a blank name is refused inline without a request', async () => {
  const { server, user } = renderWithServer(routes, { path: '/dashboards' });
  const before = (await listDashboards(server)).length;
  await user.click(await screen.findByRole('button', { name: 'New dashboard' }));
  await user.click(screen.getByRole('button', { name: 'Create dashboard' }));
  expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription('Enter a name.');
  expect(await listDashboards(server)).toHaveLength(before);
});

test('renames with a PATCH and shows the new name', async () => {
  const { server, user } = renderWithServer(routes, { path: '/dashboards' });
  const [first] = await listDashboards(server);
  await user.click(await screen.findByRole('button', { name: `Rename ${first!.name}` }));
  const input = within(screen.getByRole('dialog', { name: 'Rename dashboard' })).getByRole('textbox', {
    name: 'Name',
  });
  await user.clear(input);
  await user.type(input, 'Renamed board{Enter}');
  expect(await screen.findByText('Renamed to “Renamed board”')).toBeInTheDocument();
  expect(await screen.findByRole('link', { name: 'Renamed board' })).toBeInTheDocument();
  const { body } = await api(server, `/dashboards/dashboards/${first!.id}/`, DashboardSchema);
  expect(body?.name).toBe('Renamed board');
  expect(body?.filters).toEqual(first!.filters);
});

describe('a rename while offline', () => {
  const note =
    'You are offline. The new name is saved as soon as the connection is back, unless you close this dialog.';
  async function renameOffline(newName: string) {
    const rendered = renderWithServer(routes, { path: '/dashboards' });
    const [first] = await listDashboards(rendered.server);
    await rendered.user.click(await screen.findByRole('button', { name: `Rename ${first!.name}` }));
    const dialog = screen.getByRole('dialog', { name: 'Rename dashboard' });
    const input = within(dialog).getByRole('textbox', { name: 'Name' });
    onlineManager.setOnline(false);
    onTestFinished(() => onlineManager.setOnline(true));
    await rendered.user.clear(input);
    await rendered.user.type(input, `${newName}{Enter}`);
    expect(await within(dialog).findByText(note)).toBeInTheDocument();
    return { ...rendered, first: first!, dialog };
  }

  test('is held back, said so, and saved by itself when the connection is back', async () => {
    const { server, first, queryClient } = await renameOffline('Renamed offline');
    const before = await api(server, `/dashboards/dashboards/${first.id}/`, DashboardSchema);
    expect(before.body?.name).toBe(first.name);
    onlineManager.setOnline(true);
    expect(await screen.findByRole('link', { name: 'Renamed offline' })).toBeInTheDocument();
    const after = await api(server, `/dashboards/dashboards/${first.id}/`, DashboardSchema);
    expect(after.body?.name).toBe('Renamed offline');
    expect(
      queryClient
        .getMutationCache()
        .getAll()
        .map((m) => m.state.status),
    ).toEqual(['success']);
  });

  test('is given up when the dialog is closed, and never sent', async () => {
    const { server, first, dialog, user, queryClient } = await renameOffline('Never sent');
    const paused = () =>
      queryClient
        .getMutationCache()
        .getAll()
        .filter((m) => m.state.isPaused);
    expect(paused()).toHaveLength(1);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog', { name: 'Rename dashboard' })).not.toBeInTheDocument();
    expect(paused()).toHaveLength(0);
    onlineManager.setOnline(true);
    await queryClient.resumePausedMutations();
    const after = await api(server, `/dashboards/dashboards/${first.id}/`, DashboardSchema);
    expect(after.body?.name).toBe(first.name);
    expect(
      queryClient
        .getMutationCache()
        .getAll()
        .filter((m) => m.state.status === 'success'),
    ).toHaveLength(0);
  });
});

test('duplicates through the server, widgets included', async () => {
  const { server, user } = renderWithServer(routes, { path: '/dashboards' });
  const [first] = await listDashboards(server);
  await user.click(await screen.findByRole('button', { name: `Duplicate ${first!.name}` }));
  expect(await screen.findByText(`Duplicated as “Copy of ${first!.name}”`)).toBeInTheDocument();
  const copyRow = await screen
    .findByRole('link', { name: `Copy of ${first!.name}` })
    .then((l) => l.closest('tr')!);
  expect(within(copyRow).getByText(String(first!.widget_count))).toBeInTheDocument();
});

test('delete names the widgets that go with it and the trash, then removes the dashboard', async () => {
  const { server, user } = renderWithServer(routes, { path: '/dashboards' });
  const [first] = await listDashboards(server);
  const { body: detail } = await api(server, `/dashboards/dashboards/${first!.id}/`, DashboardSchema);
  await user.click(await screen.findByRole('button', { name: `Delete ${first!.name}` }));
  const dialog = screen.getByRole('alertdialog', { name: `Delete “${first!.name}”?` });
  const list = await within(dialog).findByRole('list', { name: 'Widgets that will be deleted' });
  expect(
    within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(detail!.widgets.map((w) => w.name));
  // The embedded server keeps it in the trash: the dialog says so rather than "cannot be undone".
  expect(dialog).toHaveTextContent('It goes to the Trash, where it can be restored for 30 days.');
  expect(dialog).not.toHaveTextContent('cannot be undone');
  await user.click(within(dialog).getByRole('button', { name: 'Delete dashboard' }));
  expect(await screen.findByText(`Deleted “${first!.name}”`)).toBeInTheDocument();
  await waitFor(() => expect(screen.queryByRole('link', { name: first!.name! })).not.toBeInTheDocument());
  expect((await api(server, `/dashboards/dashboards/${first!.id}/`, z.unknown())).status).toBe(404);
});

test('a failed write is reported in a toast and changes nothing', async () => {
  let failNextPatch = true;
  const { server, user } = renderWithServer(routes, {
    path: '/dashboards',
    wrapFetch: (realFetch) => (input, init) => {
      if (init?.method === 'PATCH' && failNextPatch) {
        failNextPatch = false;
        return Promise.resolve(
          new Response(JSON.stringify({ detail: 'Database is locked.' }), { status: 503 }),
        );
      }
      return realFetch(input, init);
    },
  });
  const [first] = await listDashboards(server);
  await user.click(await screen.findByRole('button', { name: `Rename ${first!.name}` }));
  const input = screen.getByRole('textbox', { name: 'Name' });
  await user.clear(input);
  await user.type(input, 'Never saved{Enter}');
  expect(await screen.findByText('The dashboard was not renamed')).toBeInTheDocument();
  expect(screen.getByText('503 Service Unavailable: Database is locked.')).toBeInTheDocument();
  expect(rowOf(first!.name!)).toBeInTheDocument();
});

test('a wrong key shows the 401 with Retry and a way to the Connection screen', async () => {
  renderWithServer(routes, {
    path: '/dashboards',
    connection: {
      target: 'embedded',
      baseUrl: TEST_BASE_URL,
      apiKey: 'ws_wrong',
      source: 'user',
      remember: false,
    },
  });
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Dashboards could not be loaded');
  expect(alert).toHaveTextContent('401 Unauthorized: Invalid API key.');
  expect(alert).not.toHaveTextContent('ws_wrong');
  expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  expect(within(alert).getByRole('link', { name: 'Open Connection settings' })).toHaveAttribute(
    'href',
    '/connection',
  );
});

test('an organisation without dashboards sees the empty state', async () => {
  const server = createTestServer({ calls: 10 });
  onTestFinished(() => server.close());
  for (const dashboard of await listDashboards(server)) {
    await api(server, `/dashboards/dashboards/${dashboard.id}/`, z.unknown(), { method: 'DELETE' });
  }
  renderWithServer(routes, { path: '/dashboards', server });
  expect(await screen.findByRole('heading', { name: 'No dashboards yet' })).toBeInTheDocument();
  expect(screen.getAllByRole('button', { name: 'New dashboard' }).length).toBeGreaterThan(0);
});

test('through a forwarding server, import and templates are off with the reason, and delete promises no trash', async () => {
  const upstream = createTestServer({
    calls: 50,
    app: { hostPolicy: createHostPolicy({ allowedHosts: ['upstream.test'] }) },
  });
  const gatewayDatabase = openDatabase(':memory:');
  onTestFinished(() => {
    upstream.close();
    gatewayDatabase.close();
  });
  const gateway = createApp({
    database: gatewayDatabase,
    upstream: {
      url: 'http://upstream.test',
      apiKey: upstream.apiKey,
      fetch: async (input, init) => upstream.app.request(new Request(input, init)),
    },
  });
  const { user } = renderWithServer(routes, {
    path: '/dashboards',
    server: upstream,
    connection: 'resolve',
    wrapFetch: () => async (input, init) => gateway.request(input, init),
  });
  expect(await screen.findByRole('link', { name: 'Support overview' })).toBeInTheDocument();
  for (const name of ['Import dashboard', 'New from template']) {
    const button = screen.getByRole('button', { name });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(/work on Widget Studio's own server only: this one forwards/);
  }
  expect(screen.getByRole('button', { name: 'New dashboard' })).toBeEnabled();
  // The upstream deletes for good: no trash is promised.
  await user.click(screen.getByRole('button', { name: 'Delete Support overview' }));
  const dialog = screen.getByRole('alertdialog', { name: 'Delete “Support overview”?' });
  expect(dialog).toHaveTextContent('This cannot be undone.');
  expect(dialog).not.toHaveTextContent('Trash');
});

test('on the embedded server, import and templates are on', async () => {
  renderWithServer(routes, { path: '/dashboards' });
  expect(await screen.findByRole('link', { name: 'Support overview' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Import dashboard' })).toBeEnabled();
  expect(screen.getByRole('button', { name: 'New from template' })).toBeEnabled();
  expect(screen.queryByText(/forwards to Cekura/)).not.toBeInTheDocument();
});

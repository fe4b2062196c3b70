// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { DashboardSchema, type Dashboard } from '../../../contract/dashboard-schema.ts';
import { WidgetSchema, type Widget } from '../../../contract/widget-schema.ts';
import { callApi } from '../../../server/test-support/call-api.ts';
import type { TestServer } from '../../../server/test-support/create-test-server.ts';
import { jsdomSafeFetch } from '../../test-support/jsdom-safe-fetch.ts';
import { renderWithServer } from '../../test-support/render-with-server.tsx';
import { draftStorageKey, writeDraft } from './draft/draft-storage.ts';
import { WidgetEditorPage } from './widget-editor.tsx';
import { widgetToDraft } from './draft/widget-form-model.ts';

interface LoggedRequest {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

/** Records every request the editor sends to the real in-memory server. */
function recording(log: LoggedRequest[]) {
  return (realFetch: typeof fetch): typeof fetch =>
    async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const text = typeof init?.body === 'string' ? init.body : null;
      const headers: Record<string, string> = {};
      new Headers(init?.headers).forEach((value, key) => (headers[key] = value));
      log.push({
        method: init?.method ?? 'GET',
        path: url.pathname,
        body: text ? JSON.parse(text) : null,
        headers,
      });
      return realFetch(input, init);
    };
}

const routes = [
  { path: '/dashboards/:dashboardId/widgets/:widgetId/edit', element: <WidgetEditorPage /> },
  { path: '/dashboards/:dashboardId/widgets/new', element: <WidgetEditorPage /> },
  { path: '/dashboards/:dashboardId', element: <p>Dashboard page</p> },
];

/** Another client's write, through the same jsdom-safe transport the SPA uses in tests. */
async function writeAsSomeoneElse(server: TestServer, id: number, body: unknown): Promise<void> {
  const response = await jsdomSafeFetch(server.fetch)(`http://localhost/dashboards/widgets/${id}/`, {
    method: 'PATCH',
    headers: { 'X-CEKURA-API-KEY': server.apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

async function getWidget(server: TestServer, id: number): Promise<Widget> {
  const response = await callApi(server, 'GET', `/dashboards/widgets/${id}/`);
  return WidgetSchema.parse(response.body);
}

async function getDashboard(server: TestServer, id: number): Promise<Dashboard> {
  const response = await callApi(server, 'GET', `/dashboards/dashboards/${id}/`);
  return DashboardSchema.parse(response.body);
}

const LINE_WIDGET = 3; // "Call duration": a line of duration on dashboard 1 (seed)

function renderEditor(widgetId: number | 'new', log: LoggedRequest[] = [], server?: TestServer) {
  const path = widgetId === 'new' ? '/dashboards/1/widgets/new' : `/dashboards/1/widgets/${widgetId}/edit`;
  return renderWithServer(routes, { path, wrapFetch: recording(log), ...(server ? { server } : {}) });
}

beforeEach(() => localStorage.clear());

describe('WidgetEditorPage', () => {
  it('changes a line to a bar with p95 per day and PATCHes only the changed fields', async () => {
    const log: LoggedRequest[] = [];
    const { user, server } = renderEditor(LINE_WIDGET, log);
    await screen.findByRole('heading', { name: 'Call duration' });
    expect(screen.getByText('All changes saved')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(screen.getByText('No changes to save')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: /Bar/ }));
    await user.selectOptions(screen.getByLabelText('Aggregation'), 'p95');
    expect(screen.getByLabelText('Time period')).toHaveValue('day');
    expect(screen.getByText('3 unsaved changes')).toBeInTheDocument();

    const before = await getWidget(server, LINE_WIDGET);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('All changes saved');

    const patch = log.find((r) => r.method === 'PATCH');
    expect(patch?.path).toBe(`/dashboards/widgets/${LINE_WIDGET}/`);
    expect(patch?.body).toEqual({ chart_type: 'bar', aggregation_function: 'p95', time_period: 'day' });
    expect(patch?.headers['if-match']).toBeTruthy();
    const after = await getWidget(server, LINE_WIDGET);
    expect(after).toMatchObject({ chart_type: 'bar', aggregation_function: 'p95', time_period: 'day' });
    expect(after.metadata).toEqual(before.metadata);
  });

  it('after a save the form is reset to the saved copy, not started again', async () => {
    const { user, server } = renderEditor(LINE_WIDGET);
    await screen.findByRole('heading', { name: 'Call duration' });
    const name = screen.getByLabelText('Name');
    await user.type(name, ' (saved)');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('All changes saved');
    expect(screen.getByLabelText('Name')).toBe(name);
    expect(name).toHaveValue('Call duration (saved)');
    expect((await getWidget(server, LINE_WIDGET)).name).toBe('Call duration (saved)');
    // The saved copy is the new baseline: one more edit is one unsaved change, and a second save
    // expects the version the first one wrote (no conflict with itself).
    await user.type(name, '!');
    expect(screen.getByText('1 unsaved change')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('All changes saved');
    expect((await getWidget(server, LINE_WIDGET)).name).toBe('Call duration (saved)!');
  });

  it('opens from the dashboard copy of the widget while its own GET is still on its way', async () => {
    let releaseDetail: (() => void) | undefined;
    const held = new Promise<void>((resolve) => {
      releaseDetail = resolve;
    });
    let detailAnswered = false;
    const holdDetail =
      (realFetch: typeof fetch): typeof fetch =>
      async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        const isDetail =
          url.pathname === `/dashboards/widgets/${LINE_WIDGET}/` && (init?.method ?? 'GET') === 'GET';
        if (!isDetail) return realFetch(input, init);
        await held;
        const response = await realFetch(input, init);
        detailAnswered = true;
        return response;
      };
    renderWithServer(routes, { path: `/dashboards/1/widgets/${LINE_WIDGET}/edit`, wrapFetch: holdDetail });
    await screen.findByRole('heading', { name: 'Call duration' });
    const name = screen.getByLabelText('Name');
    expect(name).toHaveValue('Call duration');
    expect(screen.getByText('All changes saved')).toBeInTheDocument();
    releaseDetail?.();
    await waitFor(() => expect(detailAnswered).toBe(true));
    // The widget's own copy (same updated_at) takes over without starting the form again.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByLabelText('Name')).toBe(name);
  });

  it('merges display options into metadata, keeping the layout and keys it does not know', async () => {
    const seedServer = (await import('../../../server/test-support/create-test-server.ts')).createTestServer({
      calls: 300,
    });
    const current = await getWidget(seedServer, LINE_WIDGET);
    await writeAsSomeoneElse(seedServer, LINE_WIDGET, {
      metadata: { ...current.metadata, owner: { team: 'ops' } },
    });
    const log: LoggedRequest[] = [];
    const { user } = renderEditor(LINE_WIDGET, log, seedServer);
    await screen.findByRole('heading', { name: 'Call duration' });
    await user.click(screen.getByRole('checkbox', { name: 'Show legend' }));
    await user.click(screen.getByRole('radio', { name: 'rose' }));
    // Display options redraw locally: no preview request for them.
    const previewsBefore = log.filter((r) => r.path.endsWith('/preview_data/')).length;
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('All changes saved');
    expect(log.filter((r) => r.path.endsWith('/preview_data/')).length).toBe(previewsBefore);
    const patch = log.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({
      metadata: {
        layout: current.metadata?.layout,
        owner: { team: 'ops' },
        display: { color: 'rose', showLegend: false, unit: '', showPoints: true },
      },
    });
    const after = await getWidget(seedServer, LINE_WIDGET);
    expect(after.metadata).toMatchObject({ owner: { team: 'ops' }, display: { color: 'rose' } });
    seedServer.close();
  });

  it('puts a 400 answer on the fields and filter rows it names', async () => {
    const log: LoggedRequest[] = [];
    const rejectPatch =
      (realFetch: typeof fetch): typeof fetch =>
      async (input, init) => {
        if (init?.method === 'PATCH') {
          return new Response(
            JSON.stringify({
              name: ['A widget with this name already exists.'],
              filters: ['op: The server does not allow this operator.'],
              non_field_errors: ['Please check the widget.'],
            }),
            { status: 400, headers: { 'Content-Type': 'application/json' } },
          );
        }
        return realFetch(input, init);
      };
    const { user } = renderWithServer(routes, {
      path: `/dashboards/1/widgets/${LINE_WIDGET}/edit`,
      wrapFetch: (real) => recording(log)(rejectPatch(real)),
    });
    await screen.findByRole('heading', { name: 'Call duration' });
    const name = screen.getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Durations');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('A widget with this name already exists.')).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Please check the widget.')).toBeInTheDocument();
    // The filter section is a lazily loaded chunk: on a busy machine it can take longer than 1 s to arrive.
    const operatorMessages = await screen.findAllByText(
      /The server does not allow this operator/,
      undefined,
      {
        timeout: 10_000,
      },
    );
    expect(operatorMessages.length).toBeGreaterThan(0);
    // The message belongs to the value it was given for: editing the field clears it.
    await user.type(name, '!');
    await waitFor(() => expect(screen.queryByText('A widget with this name already exists.')).toBeNull());
  });

  it('shows a conflict field by field when someone saved meanwhile, and Overwrite keeps their other changes', async () => {
    const log: LoggedRequest[] = [];
    const { user, server } = renderEditor(LINE_WIDGET, log);
    await screen.findByRole('heading', { name: 'Call duration' });
    // Someone else renames it and adds a filter after the editor loaded it.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await writeAsSomeoneElse(server, LINE_WIDGET, {
      name: 'Their name',
      filters: { field: 'success', op: 'eq', value: true },
    });
    const name = screen.getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'My name');
    await user.click(screen.getByRole('radio', { name: /Bar/ }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Someone else changed this widget' });
    const rows = within(dialog).getAllByRole('row').slice(1);
    const cells = rows.map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );
    const heads = rows.map((row) => within(row).getByRole('rowheader').textContent);
    expect(heads).toEqual(['Name', 'Chart type', 'Aggregation', 'Time period', 'Filters']);
    expect(cells[0]).toEqual(['Their name', 'My name', 'Both, different values']);
    expect(cells[4]?.[2]).toBe('Changed by them');
    expect(log.filter((r) => r.method === 'PATCH')).toHaveLength(0);

    // A real clash: the action says it overwrites, in the destructive colour.
    const overwrite = within(dialog).getByRole('button', { name: 'Overwrite their values' });
    expect(overwrite.className).toMatch(/\bbg-rose-600\b/);
    await user.click(overwrite);
    await screen.findByText('All changes saved');
    const after = await getWidget(server, LINE_WIDGET);
    expect(after).toMatchObject({
      name: 'My name',
      chart_type: 'bar',
      filters: { field: 'success', op: 'eq', value: true },
    });
    expect(log.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('without a clash the merge is named for what it does and is not shown as destructive', async () => {
    const { user, server } = renderEditor(LINE_WIDGET);
    await screen.findByRole('heading', { name: 'Call duration' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await writeAsSomeoneElse(server, LINE_WIDGET, { filters: { field: 'success', op: 'eq', value: true } });
    await user.type(screen.getByLabelText('Name'), ' (mine)');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Someone else changed this widget' });
    expect(within(dialog).queryByRole('button', { name: /Overwrite/ })).not.toBeInTheDocument();
    const merge = within(dialog).getByRole('button', { name: 'Keep theirs and add mine' });
    expect(merge.className).not.toMatch(/\bbg-rose-/);
    await user.click(merge);
    await screen.findByText('All changes saved');
    expect(await getWidget(server, LINE_WIDGET)).toMatchObject({
      name: 'Call duration (mine)',
      filters: { field: 'success', op: 'eq', value: true },
    });
  });

  it('Reload theirs drops my changes and shows their copy', async () => {
    const { user, server } = renderEditor(LINE_WIDGET);
    await screen.findByRole('heading', { name: 'Call duration' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await writeAsSomeoneElse(server, LINE_WIDGET, { name: 'Their name' });
    await user.type(screen.getByLabelText('Name'), ' (mine)');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Someone else changed this widget' });
    await user.click(within(dialog).getByRole('button', { name: 'Reload theirs' }));
    await screen.findByRole('heading', { name: 'Their name' });
    expect(screen.getByLabelText('Name')).toHaveValue('Their name');
    expect(screen.getByText('All changes saved')).toBeInTheDocument();
    expect((await getWidget(server, LINE_WIDGET)).name).toBe('Their name');
  });

  it('offers a stored draft back with every field, and autosaves edits', async () => {
    const server = (await import('../../../server/test-support/create-test-server.ts')).createTestServer({
      calls: 300,
    });
    const widget = await getWidget(server, LINE_WIDGET);
    const dashboard = await getDashboard(server, 1);
    const stored = {
      ...widgetToDraft(widget),
      name: 'Draft name',
      chart_type: 'bar' as const,
      aggregation_function: 'max' as const,
      time_period: 'week' as const,
      group_by: { type: 'field' as const, field: 'agent.id' },
      filters: { field: 'duration', op: 'gt' as const, value: 30 },
    };
    writeDraft(localStorage, draftStorageKey(1, LINE_WIDGET), {
      version: 1,
      savedAt: Date.now(),
      baseUpdatedAt: widget.updated_at,
      draft: stored,
    });
    const { user } = renderEditor(LINE_WIDGET, [], server);
    const banner = await screen.findByRole('region', { name: 'Unsaved draft' });
    expect(banner).toHaveTextContent('Name, Chart type, Aggregation, Time period, Group by and Filters');
    await user.click(within(banner).getByRole('button', { name: 'Restore draft' }));

    expect(screen.getByLabelText('Name')).toHaveValue('Draft name');
    expect(screen.getByRole('radio', { name: /Bar/ })).toBeChecked();
    expect(screen.getByLabelText('Aggregation')).toHaveValue('max');
    expect(screen.getByLabelText('Time period')).toHaveValue('week');
    expect(screen.getByRole('combobox', { name: 'Group by' })).toHaveValue('field');
    expect(screen.getByText('6 unsaved changes')).toBeInTheDocument();
    // The restored draft stays stored (it still differs from the server copy) and follows new edits.
    await user.type(screen.getByLabelText('Name'), '!');
    await waitFor(() => {
      const raw = localStorage.getItem(draftStorageKey(1, LINE_WIDGET)) ?? '';
      expect(raw).toContain('Draft name!');
      expect(raw).not.toContain(server.apiKey);
      expect(JSON.parse(raw)).toMatchObject({
        origin: { dashboardCreatedAt: dashboard.created_at, widgetCreatedAt: widget.created_at },
      });
    });
    server.close();
  });

  it('does not restore a draft kept for a deleted widget that had the same id', async () => {
    const server = (await import('../../../server/test-support/create-test-server.ts')).createTestServer({
      calls: 300,
    });
    const widget = await getWidget(server, LINE_WIDGET);
    const key = draftStorageKey(1, LINE_WIDGET);
    writeDraft(localStorage, key, {
      version: 1,
      savedAt: Date.now(),
      baseUpdatedAt: widget.updated_at,
      origin: {
        dashboardCreatedAt: (await getDashboard(server, 1)).created_at,
        widgetCreatedAt: '2020-01-01T00:00:00.000Z',
      },
      draft: { ...widgetToDraft(widget), name: 'Draft of the deleted widget' },
    });
    renderEditor(LINE_WIDGET, [], server);
    await screen.findByRole('heading', { name: 'Call duration' });
    expect(await screen.findByText('An old draft was not restored')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Unsaved draft' })).toBeNull();
    expect(screen.getByLabelText('Name')).toHaveValue('Call duration');
    expect(localStorage.getItem(key)).toBeNull();
    server.close();
  });

  it('undoes and redoes across fields, typing coalesced into one step', async () => {
    const { user } = renderEditor(LINE_WIDGET);
    await screen.findByRole('heading', { name: 'Call duration' });
    const name = screen.getByLabelText('Name');
    await user.type(name, ' trend');
    await user.click(screen.getByRole('radio', { name: /Bar/ }));
    expect(screen.getByText(/Aggregation set to Count/)).toBeInTheDocument();

    await user.keyboard('{Control>}z{/Control}');
    expect(screen.getByRole('radio', { name: /Line/ })).toBeChecked();
    expect(name).toHaveValue('Call duration trend');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(name).toHaveValue('Call duration');
    expect(screen.getByRole('button', { name: 'Undo' })).toBeDisabled();
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(name).toHaveValue('Call duration trend');
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    expect(screen.getByRole('radio', { name: /Bar/ })).toBeChecked();
    expect(screen.getByLabelText('Aggregation')).toHaveValue('count');
  });

  it('offers the generated description as the new name after the field changes', async () => {
    const { user } = renderEditor(LINE_WIDGET);
    await screen.findByRole('heading', { name: 'Call duration' });
    expect(screen.queryByRole('button', { name: /^Rename to/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Field/ }));
    await user.type(screen.getByRole('combobox', { name: 'Search fields' }), 'success');
    await user.keyboard('{Enter}');
    const description = screen.getByTestId('widget-description').textContent ?? '';
    expect(description).not.toBe('');
    const offer = await screen.findByRole('button', { name: `Rename to “${description}”` });
    await user.click(offer);
    expect(screen.getByLabelText('Name', { exact: true })).toHaveValue(description);
    expect(screen.queryByRole('button', { name: /^Rename to/ })).not.toBeInTheDocument();
  });

  it('sends no preview while the draft is incomplete and says what is missing', async () => {
    const log: LoggedRequest[] = [];
    const { user } = renderEditor(LINE_WIDGET, log);
    await screen.findByRole('heading', { name: 'Call duration' });
    await waitFor(() =>
      expect(screen.getByTestId('editor-preview')).toHaveAttribute('data-preview-state', 'ready'),
    );
    await user.click(screen.getByRole('button', { name: /^Field/ }));
    await user.type(screen.getByRole('combobox', { name: 'Search fields' }), 'metric value');
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Choose a metric to see data')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 600));
    const previews = log.filter((r) => r.path.endsWith('/preview_data/'));
    expect(previews.every((r) => (r.body as { field?: string }).field === 'duration')).toBe(true);
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(screen.getByText('Choose a metric to save')).toBeInTheDocument();
  });

  it('creates a widget on the new route and opens it for editing', async () => {
    const log: LoggedRequest[] = [];
    const { user, router, server } = renderEditor('new', log);
    await screen.findByRole('heading', { name: 'New widget' });
    await user.type(screen.getByLabelText('Name'), 'Fresh widget');
    await user.click(screen.getByRole('button', { name: 'Create widget' }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/\/widgets\/\d+\/edit$/));
    await screen.findByText('All changes saved');
    const post = log.find((r) => r.method === 'POST' && r.path === '/dashboards/widgets/');
    expect(post?.body).toMatchObject({
      dashboard: 1,
      name: 'Fresh widget',
      chart_type: 'line',
      field: 'duration',
    });
    const id = Number(/widgets\/(\d+)\/edit/.exec(router.state.location.pathname)?.[1]);
    expect((await getWidget(server, id)).name).toBe('Fresh widget');
  });

  it('asks before leaving with unsaved changes, and not without', async () => {
    const { user, router } = renderEditor(LINE_WIDGET);
    await screen.findByRole('heading', { name: 'Call duration' });
    await user.type(screen.getByLabelText('Name'), '!');
    await user.click(screen.getByRole('link', { name: /Support overview/ }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay' }));
    expect(router.state.location.pathname).toBe(`/dashboards/1/widgets/${LINE_WIDGET}/edit`);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await user.click(screen.getByRole('link', { name: /Support overview/ }));
    await screen.findByText('Dashboard page');
  });

  it('shows the JSON that Save will send, read-only', async () => {
    const { user } = renderEditor(LINE_WIDGET);
    await screen.findByRole('heading', { name: 'Call duration' });
    await user.click(screen.getByRole('radio', { name: /Bar/ }));
    await user.click(screen.getByRole('button', { name: 'View JSON' }));
    const dialog = await screen.findByRole('dialog', { name: 'Widget JSON' });
    const patch = within(dialog).getByLabelText(/PATCH \/dashboards\/widgets\/3\//);
    expect(JSON.parse(patch.textContent ?? '')).toEqual({
      chart_type: 'bar',
      aggregation_function: 'count',
      time_period: 'day',
    });
    const full: unknown = JSON.parse(
      within(dialog).getByLabelText(/as it will be after saving/).textContent ?? '',
    );
    expect(full).not.toHaveProperty('id');
    expect(full).not.toHaveProperty('updated_at');
    expect(full).toMatchObject({
      dashboard: 1,
      chart_type: 'bar',
      metadata: { layout: expect.any(Object) as unknown },
    });
  });

  it('duplicates the widget as a new one without its layout', async () => {
    const log: LoggedRequest[] = [];
    const { user, server } = renderEditor(LINE_WIDGET, log);
    await screen.findByRole('heading', { name: 'Call duration' });
    await user.click(screen.getByRole('button', { name: 'Duplicate' }));
    await screen.findByText('Widget duplicated');
    const post = log.find((r) => r.method === 'POST' && r.path === '/dashboards/widgets/');
    expect(post?.body).toMatchObject({ name: 'Copy of Call duration', chart_type: 'line', dashboard: 1 });
    expect(post?.body).not.toHaveProperty('metadata.layout');
    const dashboard = await callApi(server, 'GET', '/dashboards/dashboards/1/');
    expect(JSON.stringify(dashboard.body)).toContain('Copy of Call duration');
  });

  it('duplicates a widget whose name is at the 255-character limit (the copy name is cut to fit)', async () => {
    const server = (await import('../../../server/test-support/create-test-server.ts')).createTestServer({
      calls: 300,
    });
    const longName = 'L'.repeat(255);
    const renamed = await callApi(server, 'PATCH', `/dashboards/widgets/${LINE_WIDGET}/`, {
      body: { name: longName },
    });
    expect(renamed.status).toBe(200);
    const log: LoggedRequest[] = [];
    const { user } = renderEditor(LINE_WIDGET, log, server);
    await screen.findByRole('heading', { name: longName });
    await user.click(screen.getByRole('button', { name: 'Duplicate' }));
    await screen.findByText('Widget duplicated');
    const post = log.find((r) => r.method === 'POST' && r.path === '/dashboards/widgets/');
    expect(post?.body).toMatchObject({ name: `Copy of ${longName}`.slice(0, 255) });
    server.close();
  });

  it('deletes the widget after confirmation and returns to the dashboard', async () => {
    const log: LoggedRequest[] = [];
    const { user, server, router } = renderEditor(LINE_WIDGET, log);
    await screen.findByRole('heading', { name: 'Call duration' });
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('alertdialog', { name: /Delete “Call duration”/ });
    expect(dialog).toHaveAccessibleDescription(
      /It goes to the Trash, where it can be restored for 30 days\.$/,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Delete widget' }));
    await screen.findByText('Dashboard page');
    expect(router.state.location.pathname).toBe('/dashboards/1');
    expect(log.find((r) => r.method === 'DELETE')?.headers['if-match']).toBeTruthy();
    expect((await callApi(server, 'GET', `/dashboards/widgets/${LINE_WIDGET}/`)).status).toBe(404);
  });

  it('picks fields from the keyboard, including a typed metadata key, and explains disabled chart types', async () => {
    const { user } = renderEditor(5); // "Why calls ended": a pie of call_ended_reason
    await screen.findByRole('heading', { name: 'Why calls ended' });
    expect(screen.getByRole('radio', { name: /^Line/ })).toBeDisabled();
    expect(screen.getByRole('radio', { name: /^Line/ })).toHaveAccessibleDescription(
      'Line needs a numeric or date-time field; Ended reason is text.',
    );
    await user.click(screen.getByRole('button', { name: /^Field/ }));
    const search = screen.getByRole('combobox', { name: 'Search fields' });
    await user.type(search, 'region');
    expect(screen.getByRole('option', { name: /Metadata: region/ })).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: /^Field/ })).toHaveAccessibleName(/Metadata: region/);
    expect(screen.getByTestId('widget-description')).toHaveTextContent('Share of calls by metadata “region”');

    await user.click(screen.getByRole('button', { name: /^Field/ }));
    await user.keyboard('{ArrowDown}{ArrowDown}{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.getByRole('button', { name: /^Field/ })).toHaveFocus();
  });
});

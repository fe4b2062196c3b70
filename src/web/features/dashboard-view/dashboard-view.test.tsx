// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MetricListResponseSchema } from '../../../contract/metric-schema.ts';
import { ValueCountsResponseSchema } from '../../../contract/value-counts-schema.ts';
import type { TestServer } from '../../../server/test-support/create-test-server.ts';
import { renderWithServer } from '../../test-support/render-with-server.tsx';
import { agentOptions } from '../../lib/agent-options.ts';
import { DashboardView } from './dashboard-view.tsx';

interface LoggedRequest {
  method: string;
  path: string;
  body: unknown;
}

/**
 * Under jsdom the server's body reader drops chunks (its `instanceof Uint8Array` sees Node's typed
 * arrays as foreign), so a string body reaches it empty. Sending the body as a stream of this realm's
 * Uint8Array works around it until the reader checks with `ArrayBuffer.isView`.
 */
function withJsdomSafeBody(realFetch: typeof fetch): typeof fetch {
  return (input, init) => {
    if (typeof init?.body !== 'string') return realFetch(input, init);
    const bytes = new Uint8Array(new TextEncoder().encode(init.body));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });
    // `duplex` is required by Node for stream bodies but missing from the DOM RequestInit type.
    const streamed: RequestInit & { duplex: 'half' } = { ...init, body, duplex: 'half' };
    return realFetch(input, streamed);
  };
}

/** Records every request the SPA sends to the real in-memory server. */
function recording(log: LoggedRequest[]) {
  return (realFetch: typeof fetch): typeof fetch => {
    const safe = withJsdomSafeBody(realFetch);
    return async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const text = typeof init?.body === 'string' ? init.body : null;
      log.push({
        method: init?.method ?? 'GET',
        path: url.pathname,
        body: text ? (JSON.parse(text) as unknown) : null,
      });
      return safe(input, init);
    };
  };
}

const METRICS_PATH = '/test_framework/v1/metrics/';

const routes = [
  { path: '/dashboards/:dashboardId', element: <DashboardView /> },
  { path: '/dashboards/:dashboardId/widgets/:widgetId/edit', element: <p>Widget editor</p> },
  { path: '/dashboards', element: <p>Dashboards list</p> },
];

async function api(server: TestServer, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await withJsdomSafeBody(server.fetch)(`http://localhost${path}`, {
    method,
    headers: { 'X-CEKURA-API-KEY': server.apiKey, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

function idOf(value: unknown): number {
  if (typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'number')
    return value.id;
  throw new Error('no id');
}

async function allCardsSettled() {
  await waitFor(
    () => {
      const cards = document.querySelectorAll('article[data-widget-id]');
      expect(cards.length).toBeGreaterThan(0);
      for (const card of cards) expect(card.getAttribute('data-status')).not.toBe('loading');
    },
    { timeout: 10_000 },
  );
}

describe('DashboardView', () => {
  it('loads every widget of the sample dashboard with ONE bulk_data request', async () => {
    const log: LoggedRequest[] = [];
    renderWithServer(routes, { path: '/dashboards/1', wrapFetch: recording(log) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Support overview' })).toBeInTheDocument();
    await allCardsSettled();

    const cards = [...document.querySelectorAll('article[data-widget-id]')];
    expect(cards).toHaveLength(7);
    expect(cards.every((card) => card.getAttribute('data-status') === 'ready')).toBe(true);
    const bulk = log.filter((r) => r.path === '/dashboards/widgets/bulk_data/');
    expect(bulk).toHaveLength(1);
    expect(bulk[0]).toMatchObject({
      method: 'POST',
      body: { widget_ids: cards.map((c) => Number(c.getAttribute('data-widget-id'))) },
    });
    expect(log.filter((r) => /\/widgets\/\d+\/data\/$/.test(r.path))).toHaveLength(0);
    // The stat card shows its four figures with units.
    const summary = screen.getByRole('article', { name: 'Call summary' });
    expect(within(summary).getByText('Total calls')).toBeInTheDocument();
    expect(within(summary).getByText(/%$/)).toBeInTheDocument();
  });

  it('asks for the widget data as soon as the dashboard arrives, before its cards render', async () => {
    for (const path of ['/dashboards/1', '/dashboards/1?vars=topic&v.topic=billing']) {
      const log: LoggedRequest[] = [];
      // How many cards were on the page when bulk_data left: none, as the route starts it itself.
      const cardsWhenSent: number[] = [];
      const { unmount } = renderWithServer(routes, {
        path,
        wrapFetch: (realFetch) => {
          const recorded = recording(log)(realFetch);
          return (input, init) => {
            const url = new URL(input instanceof Request ? input.url : String(input));
            if (url.pathname === '/dashboards/widgets/bulk_data/')
              cardsWhenSent.push(document.querySelectorAll('article[data-widget-id]').length);
            return recorded(input, init);
          };
        },
      });
      await allCardsSettled();
      expect(cardsWhenSent).toEqual([0]);
      // The screen found that request on its way: still one bulk_data, with the link's variables.
      const bulk = log.filter((r) => r.path === '/dashboards/widgets/bulk_data/');
      expect(bulk).toHaveLength(1);
      if (path.includes('vars=')) expect(JSON.stringify(bulk[0]?.body)).toContain('billing');
      else expect(bulk[0]?.body).not.toHaveProperty('dashboard_filters');
      unmount();
    }
  });

  it('opens without asking for the metrics; the agent menu fetches them and lists every agent', async () => {
    const log: LoggedRequest[] = [];
    const { server, user } = renderWithServer(routes, { path: '/dashboards/1', wrapFetch: recording(log) });
    await allCardsSettled();
    // The sample dashboard filters on the date range only: nothing on screen needs a metric's name.
    expect(log.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /dashboards/dashboards/1/',
      'POST /dashboards/widgets/bulk_data/',
    ]);

    await user.click(screen.getByRole('button', { name: /^Agents\b/ }));
    const list = await screen.findByRole('group', { name: 'Show calls of' });
    const metrics = MetricListResponseSchema.parse(
      await api(server, 'GET', `${METRICS_PATH}?project_id=${server.projectIds[0]}`),
    );
    const expected = agentOptions(metrics, []).map((agent) => agent.name);
    expect(expected.length).toBeGreaterThan(1);
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('checkbox')
          .map((box) => box.closest('label')?.textContent),
      ).toEqual(expected),
    );
    expect(log.filter((r) => r.path === METRICS_PATH)).toHaveLength(1);
  });

  it('fetches the metrics on load when a chip or the agent summary shows a name only they know', async () => {
    const log: LoggedRequest[] = [];
    const { server } = renderWithServer(<p>setup</p>, { calls: 200 });
    const project = server.projectIds[0];
    const metrics = MetricListResponseSchema.parse(
      await api(server, 'GET', `${METRICS_PATH}?project_id=${project}`),
    );
    const metric = metrics[0];
    const agent = agentOptions(metrics, [])[0];
    if (!metric || !agent) throw new Error('the seed has no metric linked to an agent');
    const dashboard = idOf(
      await api(server, 'POST', '/dashboards/dashboards/', {
        name: 'Named filters',
        project,
        filters: {
          operator: 'and',
          conditions: [
            { field: 'timestamp', op: 'gte', value: 'now-7d' },
            { field: 'agent.id', op: 'in', value: [agent.id] },
            { field: 'metric_evaluations.metric.id', op: 'eq', value: metric.id },
          ],
        },
      }),
    );
    await api(server, 'POST', '/dashboards/widgets/', {
      dashboard,
      name: 'Stat',
      chart_type: 'stat',
      field: '',
    });

    renderWithServer(routes, { server, path: `/dashboards/${dashboard}`, wrapFetch: recording(log) });
    const chips = await screen.findByRole('list', { name: 'Dashboard filters' });
    await waitFor(() =>
      expect(within(chips).getByRole('button')).toHaveTextContent(`Metric is ${metric.name}`),
    );
    expect(screen.getByRole('button', { name: /^Agents\b/ })).toHaveTextContent(agent.name);
    expect(log.filter((r) => r.path === METRICS_PATH)).toHaveLength(1);
  });

  it('shows a failing widget its own error while the others render', async () => {
    const log: LoggedRequest[] = [];
    const { server } = renderWithServer(<p>setup</p>, { calls: 200 });
    const [projectA, projectB] = server.projectIds;
    const metrics = await api(server, 'GET', `/test_framework/v1/metrics/?project_id=${projectA}`);
    const metric: unknown = MetricListResponseSchema.parse(metrics).find((m) => m.eval_type === 'numeric');
    const dashboard = idOf(
      await api(server, 'POST', '/dashboards/dashboards/', {
        name: 'Failure isolation',
        project: projectA,
        filters: { field: 'timestamp', op: 'gte', value: 'now-7d' },
      }),
    );
    await api(server, 'POST', '/dashboards/widgets/', {
      dashboard,
      name: 'Healthy stat',
      chart_type: 'stat',
      field: '',
    });
    await api(server, 'POST', '/dashboards/widgets/', {
      dashboard,
      name: 'Broken metric',
      chart_type: 'line',
      field: 'metric_evaluations.value',
      metric: idOf(metric),
    });
    // Moving the dashboard to another project leaves the metric widget pointing at a metric it cannot see.
    await api(server, 'PATCH', `/dashboards/dashboards/${dashboard}/`, { project: projectB });

    renderWithServer(routes, { server, path: `/dashboards/${dashboard}`, wrapFetch: recording(log) });
    await allCardsSettled();
    const broken = screen.getByRole('article', { name: 'Broken metric' });
    const healthy = screen.getByRole('article', { name: 'Healthy stat' });
    expect(broken).toHaveAttribute('data-status', 'error');
    expect(within(broken).getByText(/does not exist or is not available/)).toBeInTheDocument();
    expect(healthy).toHaveAttribute('data-status', 'ready');
    expect(within(healthy).getByText('Total calls')).toBeInTheDocument();
  });

  it('moving and resizing cards re-renders no card body', async () => {
    const { user } = renderWithServer(routes, { path: '/dashboards/1?mode=edit' });
    await allCardsSettled();
    const renderCounts = () =>
      [...document.querySelectorAll('article[data-widget-id]')].map((card) =>
        Number(card.querySelector('[data-render-count]')?.getAttribute('data-render-count')),
      );
    const before = renderCounts();
    expect(before).toHaveLength(7);
    expect(before.every((count) => count >= 1)).toBe(true);

    const card = screen.getByRole('group', { name: 'Call duration' });
    card.focus();
    await user.keyboard('{ArrowDown}');
    await user.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    expect(screen.getByTestId('grid-announcement')).toHaveTextContent(/^Resized Call duration/);
    expect(screen.getByRole('button', { name: /Save layout/ })).toBeEnabled();
    // Layout state stays in the grid and the layout draft: the charts were not redrawn.
    expect(renderCounts()).toEqual(before);

    // The counter is honest: leaving edit mode makes every chart clickable again, a real redraw.
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(renderCounts()).toEqual(before.map((count) => count + 1)));
  });

  it('saves a keyboard move with ONE bulk_widgets request that keeps every other metadata key', async () => {
    const log: LoggedRequest[] = [];
    const { server } = renderWithServer(<p>setup</p>, { calls: 200 });
    const dashboard = idOf(
      await api(server, 'POST', '/dashboards/dashboards/', {
        name: 'Layout test',
        project: server.projectIds[0],
        filters: { field: 'timestamp', op: 'gte', value: 'now-7d' },
      }),
    );
    await api(server, 'POST', '/dashboards/widgets/', {
      dashboard,
      name: 'Top card',
      chart_type: 'stat',
      field: '',
      metadata: { layout: { x: 0, y: 0, w: 6, h: 4 }, owner: 'cekura-web' },
    });
    const bottom = idOf(
      await api(server, 'POST', '/dashboards/widgets/', {
        dashboard,
        name: 'Bottom card',
        chart_type: 'stat',
        field: '',
        metadata: { layout: { x: 0, y: 4, w: 6, h: 4 }, theme: { accent: 'teal' }, pinned: true },
      }),
    );

    const { user } = renderWithServer(routes, {
      server,
      path: `/dashboards/${dashboard}?mode=edit`,
      wrapFetch: recording(log),
    });
    await allCardsSettled();
    const card = await screen.findByRole('group', { name: 'Bottom card' });
    card.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByTestId('grid-announcement')).toHaveTextContent(
      'Moved Bottom card to column 2, row 5.',
    );
    await user.click(screen.getByRole('button', { name: /Save layout/ }));
    await screen.findByText('Layout saved');

    const writes = log.filter((r) => r.method !== 'GET' && r.path !== '/dashboards/widgets/bulk_data/');
    expect(writes).toEqual([
      {
        method: 'POST',
        path: `/dashboards/dashboards/${dashboard}/bulk_widgets/`,
        body: {
          update: [
            {
              id: bottom,
              metadata: { layout: { x: 1, y: 4, w: 6, h: 4 }, theme: { accent: 'teal' }, pinned: true },
            },
          ],
        },
      },
    ]);
    const saved = await api(server, 'GET', `/dashboards/widgets/${bottom}/`);
    expect(saved).toMatchObject({
      metadata: { layout: { x: 1, y: 4, w: 6, h: 4 }, theme: { accent: 'teal' }, pinned: true },
    });
    // Leaving edit mode after the save.
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: /Save layout/ })).not.toBeInTheDocument(),
    );
  });

  it('quick add on the second project offers its own latency metric, and the add succeeds', async () => {
    const log: LoggedRequest[] = [];
    const { server } = renderWithServer(<p>setup</p>, { calls: 200 });
    const second = server.projectIds[1];
    const metrics = MetricListResponseSchema.parse(
      await api(server, 'GET', `${METRICS_PATH}?project_id=${second}`),
    );
    const latency = metrics.find((m) => m.function_name === 'get_latency');
    if (!latency) throw new Error('the seed gives every project a latency metric');
    const { user } = renderWithServer(routes, {
      server,
      path: '/dashboards/2?mode=edit',
      wrapFetch: recording(log),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sales performance' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add widget' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a widget' });
    await user.click(await within(dialog).findByRole('button', { name: 'Add Latency p95 per day' }));
    await screen.findByText(/^Added “Latency p95 per day”/);

    const created = log.filter((r) => r.method === 'POST' && r.path === '/dashboards/widgets/');
    expect(created).toHaveLength(1);
    expect(created[0]?.body).toMatchObject({ dashboard: 2, metric: latency.id });
    expect(screen.queryByText(/Could not add/)).not.toBeInTheDocument();
    // The new widget is saved already: nothing else changed, so edit mode is left, and the toast says so.
    expect(screen.getByText('It is saved on the dashboard.')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: /Save layout/ })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('button', { name: 'Edit layout' })).toBeInTheDocument();
  });

  it('shows a stored today-7d as what it is, and an agent change writes it back untouched', async () => {
    const log: LoggedRequest[] = [];
    const { user } = renderWithServer(routes, { path: '/dashboards/1', wrapFetch: recording(log) });
    await allCardsSettled();
    // The seeded "Last 7 days" is written as the guide writes it: from midnight UTC seven days ago.
    const range = screen.getByRole('combobox', { name: 'Date range' });
    expect(within(range).getByRole('option', { selected: true })).toHaveTextContent(
      'Last 7 days (from midnight UTC)',
    );

    await user.click(screen.getByRole('button', { name: /^Agents\b/ }));
    const list = await screen.findByRole('group', { name: 'Show calls of' });
    await user.click((await within(list).findAllByRole('checkbox'))[0]!);
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    await screen.findByText('Dashboard filters saved');

    const patch = log.find((r) => r.method === 'PATCH');
    expect(patch?.body).toMatchObject({
      filters: {
        operator: 'and',
        conditions: [
          { field: 'timestamp', op: 'gte', value: 'today-7d' },
          { field: 'timestamp', op: 'lte', value: 'now' },
          { field: 'agent.id', op: 'in' },
        ],
      },
    });
    expect(within(range).getByRole('option', { selected: true })).toHaveTextContent(
      'Last 7 days (from midnight UTC)',
    );
  });

  async function addTopicCondition(user: ReturnType<typeof renderWithServer>['user']) {
    await user.click(await screen.findByRole('button', { name: 'Edit dashboard filters' }));
    // The dialog's code and the metrics load on first open.
    const dialog = await screen.findByRole('dialog', { name: 'Edit dashboard filters' }, { timeout: 10_000 });
    await user.click(
      await within(dialog).findByRole('button', { name: 'Add condition' }, { timeout: 10_000 }),
    );
    const condition = within(dialog).getByRole('group', { name: 'Condition 1 of group All of, level 1' });
    await user.type(within(condition).getByRole('combobox', { name: 'Field' }), 'Topic{Enter}');
    return { dialog, condition };
  }

  it('suggests the topics that exist, with their counts, for a text condition', async () => {
    const log: LoggedRequest[] = [];
    const { user, server } = renderWithServer(routes, { path: '/dashboards/2', wrapFetch: recording(log) });
    await allCardsSettled();
    const { condition } = await addTopicCondition(user);
    const value = within(condition).getByRole('combobox', { name: 'Value' });
    await user.click(value);
    const list = await screen.findByRole('listbox', { name: 'Values in the calls' });

    const expected = ValueCountsResponseSchema.parse(
      await api(server, 'GET', `/studio/v1/value-counts/?field=topic&project_id=${server.projectIds[1]}`),
    ).results;
    expect(expected.length).toBeGreaterThan(1);
    const options = within(list).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(
      expected.map((r) => `${r.value}${r.count.toLocaleString('en-US')} ${r.count === 1 ? 'call' : 'calls'}`),
    );
    expect(log.filter((r) => r.path === '/studio/v1/value-counts/')).toHaveLength(1);

    // Typing narrows the list; a click fills the value in.
    const second = expected[1]!.value;
    await user.type(value, second.slice(0, 3));
    await user.click(within(list).getByRole('option', { name: new RegExp(`^${second}`) }));
    expect(value).toHaveValue(second);
    expect(screen.queryByRole('listbox', { name: 'Values in the calls' })).not.toBeInTheDocument();
  });

  it('without the value-counts route (another API) a text condition has no suggestions and no error', async () => {
    const { user } = renderWithServer(routes, {
      path: '/dashboards/1',
      wrapFetch: (realFetch) => (input, init) =>
        String(input instanceof Request ? input.url : input).includes('/studio/v1/value-counts/')
          ? Promise.resolve(Response.json({ detail: 'Not found.' }, { status: 404 }))
          : realFetch(input, init),
    });
    await allCardsSettled();
    const { dialog, condition } = await addTopicCondition(user);
    const value = within(condition).getByRole('combobox', { name: 'Value' });
    await user.click(value);
    await user.type(value, 'billing');
    expect(value).toHaveValue('billing');
    expect(screen.queryByRole('listbox', { name: 'Values in the calls' })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByText(/not found/i)).not.toBeInTheDocument();
  });
});

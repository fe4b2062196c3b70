// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { createApp } from '../../../server/app.ts';
import { createFaultFetch } from '../../test-support/fault-fetch.ts';
import { renderWithServer, TEST_BASE_URL } from '../../test-support/render-with-server.tsx';
import { requestLocalConfig } from '../../lib/request-local-config.ts';
import { ConnectionPage, ConnectionStatusBadge, readLocalConfig, useConnection } from './connection.tsx';
import { CONNECTION_STORAGE_KEY } from './saved-connection.ts';

function Probe() {
  const { connection } = useConnection();
  return (
    <p>
      source={connection.source} target={connection.target}
    </p>
  );
}

const routes = [
  {
    path: '/connection',
    element: (
      <>
        <ConnectionStatusBadge />
        <ConnectionPage />
        <Probe />
      </>
    ),
  },
  { path: '/dashboards', element: <Probe /> },
];

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

test('when the server hands out no key, the connection screen asks for one', async () => {
  renderWithServer(routes, { path: '/connection', connection: 'resolve' });
  // The default test server has no local key: nothing is handed out, the user is asked for one.
  expect(await screen.findByText('No API key: enter one below.')).toBeInTheDocument();
});

test('with a local key configured, the app connects with it without asking', async () => {
  const { server } = renderWithServer([{ path: '*', element: <p>unused</p> }]);
  const withKey = createApp({ database: server.database, localApiKey: server.apiKey });
  renderWithServer(routes, {
    path: '/connection',
    server,
    connection: 'resolve',
    // A browser always sends Host; app.request does not, so the loopback check needs it added.
    wrapFetch: () => async (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('host', 'localhost:8787');
      return withKey.request(input, { ...init, headers });
    },
  });
  expect(
    await screen.findByText('Using the local key handed out by the embedded server.'),
  ).toBeInTheDocument();
  expect(screen.getByText('source=local-key target=embedded')).toBeInTheDocument();
});

test('the local config the page asked for before rendering is used, not asked for again', async () => {
  const { server } = renderWithServer([{ path: '*', element: <p>unused</p> }]);
  const withKey = createApp({ database: server.database, localApiKey: server.apiKey });
  const asked: string[] = [];
  renderWithServer(routes, {
    path: '/connection',
    server,
    connection: 'resolve',
    wrapFetch: () => async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname === '/studio/local-config') asked.push(url.pathname);
      const headers = new Headers(init?.headers);
      headers.set('host', 'localhost:8787');
      return withKey.request(input, { ...init, headers });
    },
    // As main.tsx does: the request leaves before the app renders, the provider reads its answer.
    localConfigAtStart: (fetchImpl) => readLocalConfig(requestLocalConfig(fetchImpl, TEST_BASE_URL)),
  });
  expect(await screen.findByText('source=local-key target=embedded')).toBeInTheDocument();
  expect(asked).toEqual(['/studio/local-config']);
});

test('forwarding with a server-side key needs no key in the browser', async () => {
  const { server } = renderWithServer([{ path: '*', element: <p>unused</p> }]);
  const forwarding = createApp({
    database: server.database,
    upstream: { url: 'https://api.example.test', apiKey: 'server-side' },
  });
  renderWithServer(routes, {
    path: '/connection',
    server,
    connection: 'resolve',
    wrapFetch: () => async (input, init) => forwarding.request(input, init),
  });
  expect(await screen.findByText(/no key is needed here/)).toBeInTheDocument();
  expect(screen.getByText('source=forwarding target=embedded')).toBeInTheDocument();
});

test('testing a wrong key shows the exact 401 message, without the key', async () => {
  const { user } = renderWithServer(routes, { path: '/connection' });
  await user.click(screen.getByRole('radio', { name: /Another Cekura-compatible API/ }));
  await user.clear(screen.getByRole('textbox', { name: 'Base URL' }));
  await user.type(screen.getByRole('textbox', { name: 'Base URL' }), TEST_BASE_URL);
  await user.type(screen.getByLabelText('API key'), 'ws_definitely_wrong');
  await user.click(screen.getByRole('button', { name: 'Test connection' }));
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('401 Unauthorized: Invalid API key.');
  expect(alert).not.toHaveTextContent('ws_definitely_wrong');
});

test('testing a good key lists the dashboards count', async () => {
  const { user, server } = renderWithServer(routes, { path: '/connection' });
  await user.type(screen.getByLabelText('API key'), server.apiKey);
  await user.click(screen.getByRole('button', { name: 'Test connection' }));
  expect(
    await screen.findByText(/Connection works: 2 dashboards visible with this key\./),
  ).toBeInTheDocument();
});

test('a cross-origin failure says the browser blocked it and shows forwarding mode', async () => {
  const { user } = renderWithServer(routes, {
    path: '/connection',
    wrapFetch: (realFetch) => {
      const faults = createFaultFetch(realFetch, [{ throw: new TypeError('Failed to fetch') }]);
      return faults.fetch;
    },
  });
  await user.click(screen.getByRole('radio', { name: /Another Cekura-compatible API/ }));
  await user.type(screen.getByLabelText('API key'), 'sk_live_123456');
  await user.click(screen.getByRole('button', { name: 'Test connection' }));
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('The browser blocked a cross-origin request to https://api.cekura.ai');
  expect(
    within(alert).getByText('UPSTREAM_URL=https://api.cekura.ai CEKURA_API_KEY=… npm start'),
  ).toBeInTheDocument();
  expect(alert).not.toHaveTextContent('sk_live_123456');
});

test('a custom API needs a base URL and a key', async () => {
  const { user } = renderWithServer(routes, { path: '/connection' });
  await user.click(screen.getByRole('radio', { name: /Another Cekura-compatible API/ }));
  await user.clear(screen.getByRole('textbox', { name: 'Base URL' }));
  await user.type(screen.getByRole('textbox', { name: 'Base URL' }), 'ftp://nope');
  await user.click(screen.getByRole('button', { name: 'Test connection' }));
  expect(screen.getByRole('textbox', { name: 'Base URL' })).toHaveAccessibleDescription(
    /Enter an http\(s\) address/,
  );
  expect(screen.getByLabelText('API key')).toHaveAccessibleDescription(/Enter the API key\./);
});

test('"Use this connection" keeps the key in sessionStorage by default, localStorage when remembered, never in the URL', async () => {
  const { user, server, router } = renderWithServer(routes, { path: '/connection' });
  await user.click(screen.getByRole('radio', { name: /Another Cekura-compatible API/ }));
  await user.clear(screen.getByRole('textbox', { name: 'Base URL' }));
  await user.type(screen.getByRole('textbox', { name: 'Base URL' }), `${TEST_BASE_URL}/`);
  await user.type(screen.getByLabelText('API key'), server.apiKey);
  await user.click(screen.getByRole('button', { name: 'Use this connection' }));
  await waitFor(() => expect(router.state.location.pathname).toBe('/dashboards'));
  expect(screen.getByText('source=user target=custom')).toBeInTheDocument();
  expect(sessionStorage.getItem(CONNECTION_STORAGE_KEY)).toContain(server.apiKey);
  expect(localStorage.getItem(CONNECTION_STORAGE_KEY)).toBeNull();
  expect(router.state.location.search + router.state.location.hash).not.toContain(server.apiKey);

  await router.navigate('/connection');
  await user.type(await screen.findByLabelText('API key'), server.apiKey);
  await user.click(screen.getByRole('checkbox', { name: 'Remember on this device' }));
  await user.click(screen.getByRole('button', { name: 'Use this connection' }));
  await waitFor(() => expect(localStorage.getItem(CONNECTION_STORAGE_KEY)).toContain(server.apiKey));
  expect(sessionStorage.getItem(CONNECTION_STORAGE_KEY)).toBeNull();
});

test('switching back to the embedded server forgets the stored connection', async () => {
  const { user, server } = renderWithServer(routes, {
    path: '/connection',
    connection: (s) => ({
      target: 'custom',
      baseUrl: TEST_BASE_URL,
      apiKey: s.apiKey,
      source: 'user',
      remember: true,
    }),
  });
  localStorage.setItem(
    CONNECTION_STORAGE_KEY,
    JSON.stringify({ baseUrl: TEST_BASE_URL, apiKey: server.apiKey, remember: true }),
  );
  await user.click(screen.getByRole('button', { name: 'Switch back to the embedded server' }));
  expect(await screen.findByText('Switched back to the embedded server')).toBeInTheDocument();
  expect(screen.getByText('source=none target=embedded')).toBeInTheDocument();
  expect(localStorage.getItem(CONNECTION_STORAGE_KEY)).toBeNull();
});

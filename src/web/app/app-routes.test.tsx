// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { renderWithServer } from '../test-support/render-with-server.tsx';
import { appRoutes } from './app-routes.tsx';

test('"/" redirects to the dashboards list inside the shell, connected', async () => {
  const { router } = renderWithServer(appRoutes, { path: '/' });
  expect(router.state.location.pathname).toBe('/dashboards');
  const header = screen.getByRole('banner');
  expect(within(header).getByRole('link', { name: 'Widget Studio' })).toHaveAttribute('href', '/dashboards');
  expect(within(header).getByRole('link', { name: 'Dashboards' })).toHaveAttribute('aria-current', 'page');
  expect(await screen.findByRole('link', { name: 'Support overview' })).toBeInTheDocument();
  await waitFor(() =>
    expect(within(header).getByRole('link', { name: /^Connection: / })).toHaveAccessibleName(
      'Connection: Embedded server, Connected',
    ),
  );
});

test('a dashboard link opens the lazily loaded dashboard route', async () => {
  const { user, router } = renderWithServer(appRoutes, { path: '/dashboards' });
  await user.click(await screen.findByRole('link', { name: 'Support overview' }));
  // The view's chunk (grid, charts) is loaded on demand: allow for the import.
  await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/dashboards\/\d+$/), {
    timeout: 15_000,
  });
  await waitFor(
    () => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Support overview'),
    {
      timeout: 15_000,
    },
  );
});

test('an unknown URL shows the 404 page with a way back', async () => {
  const { user, router } = renderWithServer(appRoutes, { path: '/nope' });
  expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  await user.click(screen.getByRole('link', { name: 'Go to dashboards' }));
  expect(router.state.location.pathname).toBe('/dashboards');
});

test('the header says when the key is rejected', async () => {
  renderWithServer(appRoutes, {
    path: '/dashboards',
    connection: {
      target: 'embedded',
      baseUrl: 'http://localhost',
      apiKey: 'ws_bad',
      source: 'user',
      remember: false,
    },
  });
  const badge = within(screen.getByRole('banner')).getByRole('link', { name: /^Connection: / });
  await waitFor(() => expect(badge).toHaveAccessibleName('Connection: Embedded server, Key rejected'));
});

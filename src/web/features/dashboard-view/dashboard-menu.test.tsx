// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithServer } from '../../test-support/render-with-server.tsx';
import { DashboardView } from './dashboard-view.tsx';

const routes = [
  { path: '/dashboards/:dashboardId', element: <DashboardView /> },
  { path: '/dashboards', element: <p>Dashboards list</p> },
];

async function openDashboardMenu(user: ReturnType<typeof renderWithServer>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Dashboard actions' }));
  return screen.getByRole('menu', { name: 'Dashboard actions' });
}

describe('Dashboard header: Add widget and the ⋮ menu', () => {
  it('offers Add widget without entering Edit layout first', async () => {
    const { user } = renderWithServer(routes, { path: '/dashboards/1' });
    await screen.findByRole('heading', { level: 1, name: 'Support overview' });
    await user.click(screen.getByRole('button', { name: 'Add widget' }));
    expect(await screen.findByRole('dialog', { name: 'Add a widget' })).toBeInTheDocument();
  });

  it('renames the dashboard from its ⋮ menu', async () => {
    const { user } = renderWithServer(routes, { path: '/dashboards/1' });
    await screen.findByRole('heading', { level: 1, name: 'Support overview' });
    const menu = await openDashboardMenu(user);
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent?.trim()),
    ).toEqual(['Rename', 'Duplicate', 'Delete']);
    await user.click(within(menu).getByRole('menuitem', { name: 'Rename' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rename dashboard' });
    const name = within(dialog).getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Support weekly');
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Support weekly' })).toBeInTheDocument();
  });

  it('duplicates the dashboard from its ⋮ menu', async () => {
    const { user, server } = renderWithServer(routes, { path: '/dashboards/1' });
    await screen.findByRole('heading', { level: 1, name: 'Support overview' });
    await user.click(within(await openDashboardMenu(user)).getByRole('menuitem', { name: 'Duplicate' }));
    expect(await screen.findByText(/^Duplicated as/)).toBeInTheDocument();
    const list = await server.fetch('http://localhost/dashboards/dashboards/', {
      headers: { 'X-CEKURA-API-KEY': server.apiKey },
    });
    const body: unknown = await list.json();
    expect(JSON.stringify(body)).toMatch(/Support overview \(copy\)|Copy of Support overview/);
  });

  it('deletes the dashboard from its ⋮ menu and goes back to the list', async () => {
    const { user, router } = renderWithServer(routes, { path: '/dashboards/1' });
    await screen.findByRole('heading', { level: 1, name: 'Support overview' });
    await user.click(within(await openDashboardMenu(user)).getByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('alertdialog', { name: /Delete “Support overview”/ });
    await user.click(await within(dialog).findByRole('button', { name: /^Delete/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/dashboards'));
    expect(await screen.findByText('Dashboards list')).toBeInTheDocument();
  });
});

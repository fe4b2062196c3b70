// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithServer } from '../../test-support/render-with-server.tsx';
import { DashboardView } from './dashboard-view.tsx';

const routes = [{ path: '/dashboards/:dashboardId', element: <DashboardView /> }];

async function readyCard(name: string) {
  const card = await screen.findByRole('article', { name }, { timeout: 10_000 });
  await waitFor(() => expect(card).toHaveAttribute('data-status', 'ready'), { timeout: 10_000 });
  return card;
}

describe('Widget card: Table view', () => {
  it('shows the card’s data as a sortable table with the chart’s units and a CSV export', async () => {
    const { user } = renderWithServer(routes, { path: '/dashboards/1' });
    const card = await readyCard('Why calls ended');
    const toggle = within(card).getByRole('group', { name: 'View of Why calls ended' });
    expect(within(toggle).getByRole('button', { name: 'Chart' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(toggle).getByRole('button', { name: 'Table' }));
    expect(within(toggle).getByRole('button', { name: 'Table' })).toHaveAttribute('aria-pressed', 'true');
    const table = within(card).getByRole('table', { name: 'Why calls ended' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent?.trim()),
    ).toEqual(['Category', 'Calls', 'Share']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(1);
    expect(within(card).getByRole('button', { name: 'Download CSV' })).toBeEnabled();

    // Sorting by calls, ascending then descending; aria-sort says which.
    const calls = within(table).getByRole('columnheader', { name: /Calls/ });
    await user.click(within(calls).getByRole('button'));
    expect(calls).toHaveAttribute('aria-sort', 'ascending');
    const counts = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => Number(within(row).getAllByRole('cell')[1]?.textContent?.replaceAll(',', '')));
    const ascending = counts();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await user.click(within(calls).getByRole('button'));
    expect(calls).toHaveAttribute('aria-sort', 'descending');
    expect(counts()).toEqual([...ascending].reverse());

    // Back to the chart.
    await user.click(within(toggle).getByRole('button', { name: 'Chart' }));
    expect(within(card).queryByRole('table')).not.toBeInTheDocument();
  });
});

// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import type { Cohort } from '../../../../contract/widget-insights.ts';
import { WidgetSchema } from '../../../../contract/widget-schema.ts';
import { callApi } from '../../../../server/test-support/call-api.ts';
import { createTestServer, type TestServer } from '../../../../server/test-support/create-test-server.ts';
import { renderWithServer } from '../../../test-support/render-with-server.tsx';
import { CohortsControl, nextCohortLabel } from './cohorts-control.tsx';
import { WidgetEditorPage } from '../widget-editor.tsx';

const NOW = new Date('2026-12-07T09:00:00Z');
const TWO: Cohort[] = [
  { label: 'Cohort A', filters: null },
  { label: 'Cohort B', filters: null },
];

/** The control as the editor holds it: a controlled value, with every change it reports kept. */
function Harness({ initial, changes }: { initial: Cohort[]; changes: Cohort[][] }) {
  const [cohorts, setCohorts] = useState(initial);
  return (
    <CohortsControl
      cohorts={cohorts}
      onChange={(next) => {
        changes.push(next);
        setCohorts(next);
      }}
      projectId={1}
      metrics={[]}
      metadataKeys={['region']}
      now={NOW}
    />
  );
}

function renderControl(initial: Cohort[] = TWO) {
  const changes: Cohort[][] = [];
  const rendered = renderWithServer(<Harness initial={initial} changes={changes} />);
  return { ...rendered, changes, last: () => changes.at(-1) };
}

const cohortBoxes = () => screen.getAllByTestId('cohort');
const addCohort = () => screen.queryByRole('button', { name: 'Add cohort' });

/** Replaces a cohort's filter through its builder's JSON view (the visual rows are the builder's tests). */
async function setCohortFilter(
  user: ReturnType<typeof renderControl>['user'],
  cohort: HTMLElement,
  filter: unknown,
) {
  await user.click(within(cohort).getByRole('button', { name: 'Edit as JSON' }));
  fireEvent.change(within(cohort).getByRole('textbox', { name: 'Filter JSON' }), {
    target: { value: JSON.stringify(filter) },
  });
}

describe('nextCohortLabel', () => {
  it.each([
    [0, 'Cohort A'],
    [2, 'Cohort C'],
    [3, 'Cohort D'],
  ])('after %i cohorts: %s', (count, label) => {
    expect(nextCohortLabel(TWO.concat(TWO).slice(0, count))).toBe(label);
  });
});

describe('CohortsControl', () => {
  it('adds cohorts up to four, then offers no fifth; removes down to two, never fewer', async () => {
    const { user, last } = renderControl();
    expect(cohortBoxes()).toHaveLength(2);
    // Two is the minimum: neither can be removed.
    expect(screen.queryByRole('button', { name: /^Remove cohort/ })).toBeNull();

    await user.click(addCohort()!);
    await user.click(addCohort()!);
    expect(cohortBoxes()).toHaveLength(4);
    expect(last()?.map((c) => c.label)).toEqual(['Cohort A', 'Cohort B', 'Cohort C', 'Cohort D']);
    expect(last()?.at(-1)).toEqual({ label: 'Cohort D', filters: null });
    // Four is the contract's maximum: no way to add a fifth, and the control says why.
    expect(addCohort()).toBeNull();
    expect(screen.getByText('At most four cohorts: remove one to add another.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove cohort 2' }));
    expect(last()?.map((c) => c.label)).toEqual(['Cohort A', 'Cohort C', 'Cohort D']);
    expect(screen.getByRole('button', { name: 'Add cohort' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Remove cohort 3' }));
    expect(cohortBoxes()).toHaveLength(2);
    expect(screen.queryByRole('button', { name: /^Remove cohort/ })).toBeNull();
  });

  it('names each cohort, and says so inline when a name is blank', async () => {
    const { user, last } = renderControl();
    const name1 = screen.getByRole('textbox', { name: 'Name of cohort 1' });
    await user.clear(name1);
    expect(name1).toHaveAccessibleDescription(/Name this cohort\./);
    expect(name1).toHaveAttribute('aria-invalid', 'true');
    await user.type(name1, 'Agent A');
    expect(screen.queryByText('Name this cohort.')).toBeNull();
    // Blank means blank after trimming, as the contract reads it.
    const name2 = screen.getByRole('textbox', { name: 'Name of cohort 2' });
    await user.clear(name2);
    await user.type(name2, '   ');
    expect(screen.getByText('Name this cohort.')).toBeInTheDocument();
    await user.clear(name2);
    await user.type(name2, 'Agent B');
    expect(last()?.map((c) => c.label)).toEqual(['Agent A', 'Agent B']);
    expect(name2).toHaveAttribute('maxLength', '40');
  });

  it('gives each cohort its own filter builder, and a change stays in its cohort', async () => {
    const { user, last } = renderControl();
    const [first, second] = cohortBoxes();
    if (!first || !second) throw new Error('two cohorts expected');
    expect(within(first).getByText('No filters: every call is included.')).toBeInTheDocument();
    const eu = { field: 'metadata.region', op: 'eq', value: 'EU' };
    await setCohortFilter(user, second, eu);
    await waitFor(() => expect(last()?.[1]?.filters).toEqual(eu));
    expect(last()?.[0]).toEqual({ label: 'Cohort A', filters: null });
  });
});

describe('cohorts in the widget editor, against the in-memory server', () => {
  const LINE_WIDGET = 3; // "Call duration": a line of duration on dashboard 1 (seed)
  const routes = [{ path: '/dashboards/:dashboardId/widgets/:widgetId/edit', element: <WidgetEditorPage /> }];

  async function storedMetadata(server: TestServer) {
    const response = await callApi(server, 'GET', `/dashboards/widgets/${LINE_WIDGET}/`);
    return WidgetSchema.parse(response.body).metadata;
  }

  it('stores the named cohorts and their filters in metadata.compare, keeping the other keys', async () => {
    const server = createTestServer({ calls: 300 });
    onTestFinished(() => server.close());
    const before = await callApi(server, 'GET', `/dashboards/widgets/${LINE_WIDGET}/`);
    const widget = WidgetSchema.parse(before.body);
    const patched = await callApi(server, 'PATCH', `/dashboards/widgets/${LINE_WIDGET}/`, {
      body: { metadata: { ...widget.metadata, kept: 'unknown keys stay' } },
    });
    expect(patched.status).toBe(200);
    const { user } = renderWithServer(routes, {
      path: `/dashboards/1/widgets/${LINE_WIDGET}/edit`,
      server,
    });
    await screen.findByRole('heading', { name: 'Call duration' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Compare with earlier data' }), 'cohorts');
    const cohorts = await screen.findAllByTestId('cohort');
    expect(cohorts).toHaveLength(2);

    const name1 = screen.getByRole('textbox', { name: 'Name of cohort 1' });
    await user.clear(name1);
    await user.type(name1, 'EU');
    const name2 = screen.getByRole('textbox', { name: 'Name of cohort 2' });
    await user.clear(name2);
    await user.type(name2, 'US');
    const eu = { field: 'metadata.region', op: 'eq', value: 'EU' };
    const us = { field: 'metadata.region', op: 'eq', value: 'US' };
    const [first, second] = cohorts;
    if (!first || !second) throw new Error('two cohorts expected');
    await setCohortFilter(user, first, eu);
    await setCohortFilter(user, second, us);

    const save = screen.getByRole('button', { name: 'Save' });
    await waitFor(() => expect(save).toBeEnabled());
    await user.click(save);
    await screen.findByText('Widget saved');
    expect(await storedMetadata(server)).toEqual({
      ...widget.metadata,
      kept: 'unknown keys stay',
      compare: {
        mode: 'cohorts',
        cohorts: [
          { label: 'EU', filters: eu },
          { label: 'US', filters: us },
        ],
      },
    });
  });

  // metadata is stored as sent, so only the editor can stop a blank name that would read back as no
  // comparison at all.
  it('will not save a cohort without a name, and says why; naming it saves', async () => {
    const server = createTestServer({ calls: 300 });
    onTestFinished(() => server.close());
    const before = await storedMetadata(server);
    const { user } = renderWithServer(routes, {
      path: `/dashboards/1/widgets/${LINE_WIDGET}/edit`,
      server,
    });
    await screen.findByRole('heading', { name: 'Call duration' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Compare with earlier data' }), 'cohorts');
    const name2 = await screen.findByRole('textbox', { name: 'Name of cohort 2' });
    await user.clear(name2);
    const save = screen.getByRole('button', { name: 'Save' });
    await waitFor(() => expect(save).toBeDisabled());
    expect(save).toHaveAccessibleDescription('Fix the comparison or thresholds to save');
    // The preview still draws: a missing name is not a reason to stop showing the data.
    expect(screen.queryByText(/to preview/)).toBeNull();
    expect(await storedMetadata(server)).toEqual(before);

    await user.type(name2, 'US');
    await waitFor(() => expect(save).toBeEnabled());
    await user.click(save);
    await screen.findByText('Widget saved');
    const stored = await storedMetadata(server);
    expect(stored?.compare).toEqual({
      mode: 'cohorts',
      cohorts: [
        { label: 'Cohort A', filters: null },
        { label: 'US', filters: null },
      ],
    });
  });
});

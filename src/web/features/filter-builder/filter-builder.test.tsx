// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { Filter } from '../../../contract/filter-schema.ts';
import { MetricSchema } from '../../../contract/metric-schema.ts';
import { FilterBuilder, type FilterBuilderProps } from './filter-builder.tsx';

const now = new Date('2025-11-10T12:00:00Z');

function setup(initial: Filter | null, props: Partial<FilterBuilderProps> = {}) {
  const changes: Array<Filter | null> = [];
  function Harness() {
    const [value, setValue] = useState(initial);
    return (
      <FilterBuilder
        value={value}
        onChange={(next) => {
          changes.push(next);
          setValue(next);
        }}
        now={now}
        {...props}
      />
    );
  }
  const user = userEvent.setup();
  render(<Harness />);
  return { user, changes, last: () => changes.at(-1) };
}

const root = () => screen.getByRole('group', { name: /^Root group/ });
const row = (name: string | RegExp) => screen.getByRole('group', { name });

async function chooseField(user: ReturnType<typeof userEvent.setup>, scope: HTMLElement, text: string) {
  const field = within(scope).getByRole('combobox', { name: 'Field' });
  await user.clear(field);
  await user.type(field, `${text}{Enter}`);
}

describe('FilterBuilder', () => {
  it('builds a nested tree with the mouse, moving focus to each new row', async () => {
    const { user, last } = setup(null);
    await user.click(within(root()).getByRole('button', { name: 'Add condition' }));
    const first = row('Condition 1 of group All of, level 1');
    expect(within(first).getByRole('combobox', { name: 'Field' })).toHaveFocus();
    await chooseField(user, first, 'Success');
    expect(last()).toEqual({ field: 'success', op: 'eq', value: true });

    await user.click(within(root()).getByRole('button', { name: 'Add group' }));
    const group = screen.getByRole('group', { name: /^Group 2 of group All of, level 2/ });
    expect(
      within(row('Condition 1 of group All of, level 2')).getByRole('combobox', { name: 'Field' }),
    ).toHaveFocus();
    await user.selectOptions(within(group).getByRole('combobox', { name: 'Match' }), 'or');
    const duration = row('Condition 1 of group Any of, level 2');
    await chooseField(user, duration, 'Duration');
    await user.selectOptions(within(duration).getByRole('combobox', { name: 'Operator' }), 'gte');
    await user.type(within(duration).getByRole('textbox', { name: 'Value' }), '120');

    const inner = screen.getByRole('group', { name: /^Group 2 of group All of, level 2: Any of/ });
    await user.click(within(inner).getByRole('button', { name: 'Add condition' }));
    const reason = row('Condition 2 of group Any of, level 2');
    await chooseField(user, reason, 'Ended');
    await user.selectOptions(within(reason).getByRole('combobox', { name: 'Operator' }), 'contains');
    await user.type(within(reason).getByRole('textbox', { name: 'Value' }), 'timeout');

    expect(last()).toEqual({
      operator: 'and',
      conditions: [
        { field: 'success', op: 'eq', value: true },
        {
          operator: 'or',
          conditions: [
            { field: 'duration', op: 'gte', value: 120 },
            { field: 'call_ended_reason', op: 'contains', value: 'timeout' },
          ],
        },
      ],
    });
    expect(
      screen.getByText('Success is true AND (Duration ≥ 120 s OR Ended reason contains "timeout")'),
    ).toBeVisible();
  });

  it('offers Same evaluation only when every child is a metric-evaluation condition', async () => {
    const { user, last } = setup({
      operator: 'and',
      conditions: [
        { field: 'metric_evaluations.metric.name', op: 'eq', value: 'accuracy' },
        { field: 'duration', op: 'gte', value: 1 },
      ],
    });
    const match = within(root()).getAllByRole('combobox', { name: 'Match' })[0];
    if (!match) throw new Error('no combinator');
    expect(within(match).queryByRole('option', { name: 'Same evaluation' })).toBeNull();
    await chooseField(user, row('Condition 2 of group All of, level 1'), 'Metric value');
    expect(within(match).getByRole('option', { name: 'Same evaluation' })).toBeInTheDocument();
    await user.selectOptions(match, 'same_row');
    expect(last()).toEqual({
      operator: 'same_row',
      conditions: [
        { field: 'metric_evaluations.metric.name', op: 'eq', value: 'accuracy' },
        { field: 'metric_evaluations.value', op: 'gte', value: 1 },
      ],
    });
    expect(within(root()).getByRole('button', { name: 'Add group' })).toBeDisabled();
    expect(within(root()).getByText(/holds only metric-evaluation conditions/)).toBeVisible();
  });

  it('edits an in list as chips, with pasted comma and newline lists', async () => {
    const { user, last } = setup({ field: 'topic', op: 'eq', value: 'billing' });
    const topic = row('Condition 1 of group All of, level 1');
    await user.selectOptions(within(topic).getByRole('combobox', { name: 'Operator' }), 'in');
    expect(last()).toEqual({ field: 'topic', op: 'in', value: ['billing'] });
    const input = within(topic).getByRole('textbox', { name: 'Add to value' });
    await user.click(input);
    await user.paste('refunds, "sales"\nbilling\nsupport');
    expect(last()).toEqual({ field: 'topic', op: 'in', value: ['billing', 'refunds', 'sales', 'support'] });
    await user.click(within(topic).getByRole('button', { name: 'Remove sales' }));
    await user.type(input, 'other{Enter}');
    await user.keyboard('{Backspace}');
    expect(last()).toEqual({ field: 'topic', op: 'in', value: ['billing', 'refunds', 'support'] });
  });

  it('edits a relative time and shows what it resolves to', async () => {
    const { user, last } = setup({ field: 'timestamp', op: 'gte', value: 'now-7d' });
    const time = row('Condition 1 of group All of, level 1');
    expect(within(time).getByText(/^= Mon, 3 Nov 2025/)).toBeVisible();
    const amount = within(time).getByRole('spinbutton', { name: 'Amount' });
    await user.clear(amount);
    await user.type(amount, '3');
    expect(last()).toEqual({ field: 'timestamp', op: 'gte', value: 'now-3d' });
    await user.click(within(time).getByRole('checkbox', { name: 'Whole days' }));
    expect(last()).toEqual({ field: 'timestamp', op: 'gte', value: 'today-3d' });
    await user.selectOptions(within(time).getByRole('combobox', { name: 'When' }), 'h');
    expect(last()).toEqual({ field: 'timestamp', op: 'gte', value: 'today-3h' });
    await user.selectOptions(within(time).getByRole('combobox', { name: 'When' }), 'now');
    expect(last()).toEqual({ field: 'timestamp', op: 'gte', value: 'now' });
    await user.selectOptions(within(time).getByRole('combobox', { name: 'When' }), 'absolute');
    expect(last()).toEqual({ field: 'timestamp', op: 'gte', value: '2025-11-10T12:00:00Z' });
    expect(within(time).getByLabelText('Date and time')).toBeVisible();
    expect(screen.getByText(/^Summary:/).parentElement).toHaveTextContent('Since 2025-11-10 12:00 UTC');
  });

  it('edits as JSON, refuses to switch back on broken JSON, and switches back without loss', async () => {
    const start: Filter = {
      operator: 'or',
      conditions: [
        { field: 'success', op: 'eq', value: false },
        { field: 'topic', op: 'isnull', value: true },
      ],
    };
    const { user, last } = setup(start);
    const fieldKey = () =>
      within(row('Condition 1 of group Any of, level 1'))
        .getByRole('combobox', { name: 'Field' })
        .getAttribute('data-focus-key');
    const before = fieldKey();
    await user.click(screen.getByRole('button', { name: 'Edit as JSON' }));
    const text = screen.getByRole('textbox', { name: 'Filter JSON' });
    expect(JSON.parse((text as HTMLTextAreaElement).value)).toEqual(start);
    await user.click(screen.getByRole('button', { name: 'Visual' }));
    // Unchanged JSON: the same nodes come back (their ids, hence focus targets, are kept).
    expect(fieldKey()).toBe(before);

    await user.click(screen.getByRole('button', { name: 'Edit as JSON' }));
    const editor = screen.getByRole('textbox', { name: 'Filter JSON' });
    await user.clear(editor);
    await user.type(editor, '{{"field":"duration"');
    expect(screen.getByText(/This is not valid JSON/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Visual' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/Fix it to switch back/);
    expect(screen.getByRole('textbox', { name: 'Filter JSON' })).toBeInTheDocument();
    await user.type(editor, ',"op":"regex","value":"x"}');
    expect(last()).toEqual({ field: 'duration', op: 'regex', value: 'x' });
    expect(
      within(screen.getByRole('list', { name: 'Validation' })).getByText(
        /'regex' is not allowed for field 'duration'/,
      ),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Visual' }));
    const rowAfter = row('Condition 1 of group All of, level 1');
    expect(within(rowAfter).getByRole('combobox', { name: 'Field' })).toHaveValue('Duration');
    expect(within(rowAfter).getByText(/^'regex' is not allowed for field 'duration'$/)).toBeVisible();
    expect(within(rowAfter).getByRole('combobox', { name: 'Operator' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });

  it('maps path-prefixed server errors to their rows and shows the rest on top', () => {
    setup(
      {
        operator: 'and',
        conditions: [
          { field: 'success', op: 'eq', value: true },
          {
            operator: 'or',
            conditions: [
              { field: 'duration', op: 'gte', value: 120 },
              { field: 'topic', op: 'eq', value: 'x' },
            ],
          },
        ],
      },
      {
        errors: [
          'conditions[1].conditions[0].op: Server says no to this operator',
          'A timestamp filter (gt or gte) is required.',
        ],
      },
    );
    const target = row('Condition 1 of group Any of, level 2');
    expect(within(target).getByText('Server says no to this operator')).toBeVisible();
    expect(within(target).getByRole('combobox', { name: 'Operator' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(
      within(screen.getByRole('list', { name: 'Filter problems' })).getByText(/A timestamp filter/),
    ).toBeVisible();
    expect(
      within(row('Condition 2 of group Any of, level 2')).queryByText('Server says no to this operator'),
    ).toBeNull();
  });

  it('moves rows from the keyboard and keeps focus on the moved row', async () => {
    const { user, last } = setup({
      operator: 'and',
      conditions: [
        { field: 'success', op: 'eq', value: true },
        { field: 'duration', op: 'gte', value: 5 },
      ],
    });
    const field = within(row('Condition 1 of group All of, level 1')).getByRole('combobox', {
      name: 'Field',
    });
    field.focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(last()).toEqual({
      operator: 'and',
      conditions: [
        { field: 'duration', op: 'gte', value: 5 },
        { field: 'success', op: 'eq', value: true },
      ],
    });
    const moved = within(row('Condition 2 of group All of, level 1')).getByRole('combobox', {
      name: 'Field',
    });
    expect(moved).toHaveValue('Success');
    expect(moved).toHaveFocus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(last()).toEqual({
      operator: 'and',
      conditions: [
        { field: 'duration', op: 'gte', value: 5 },
        { operator: 'and', conditions: [{ field: 'success', op: 'eq', value: true }] },
      ],
    });
    expect(
      within(row('Condition 1 of group All of, level 2')).getByRole('combobox', { name: 'Field' }),
    ).toHaveFocus();
    await user.click(
      within(row('Condition 1 of group All of, level 2')).getByRole('button', {
        name: 'Outdent out of its group (condition)',
      }),
    );
    // Outdenting the only condition of a group leaves no empty group behind.
    expect(last()).toEqual({
      operator: 'and',
      conditions: [
        { field: 'duration', op: 'gte', value: 5 },
        { field: 'success', op: 'eq', value: true },
      ],
    });
    await user.click(
      within(row('Condition 1 of group All of, level 1')).getByRole('button', { name: 'Remove (condition)' }),
    );
    expect(last()).toEqual({ operator: 'and', conditions: [{ field: 'success', op: 'eq', value: true }] });
    expect(
      within(row('Condition 1 of group All of, level 1')).getByRole('combobox', { name: 'Field' }),
    ).toHaveFocus();
  });

  it('restores the operator and value a field change reset', async () => {
    const { user, last } = setup({ field: 'duration', op: 'gte', value: 120 });
    await chooseField(user, row('Condition 1 of group All of, level 1'), 'Success');
    expect(last()).toEqual({ field: 'success', op: 'eq', value: true });
    await user.click(screen.getByRole('button', { name: /Undo/ }));
    expect(last()).toEqual({ field: 'duration', op: 'gte', value: 120 });
  });

  it('types a metadata key, validates it and suggests keys in use', async () => {
    const { user, last } = setup(null, { metadataKeys: ['region'] });
    await user.click(within(root()).getByRole('button', { name: 'Add condition' }));
    const condition = row('Condition 1 of group All of, level 1');
    await chooseField(user, condition, 'reg');
    expect(last()).toEqual({ field: 'metadata.region', op: 'eq', value: '' });
    const key = within(condition).getByRole('combobox', { name: 'Metadata key' });
    await user.clear(key);
    await user.type(key, 'address.city');
    expect(within(condition).getByText('Only top-level keys: no dots')).toBeVisible();
    expect(within(condition).getByText(/Nested metadata keys are not supported/)).toBeVisible();
  });

  it('flags contradictions and shows the depth limit with its reason', async () => {
    let deep: Filter = { field: 'success', op: 'eq', value: true };
    for (let level = 0; level < 7; level += 1) deep = { operator: 'and', conditions: [deep] };
    setup({ operator: 'and', conditions: [deep, { field: 'success', op: 'eq', value: false }] });
    expect(
      within(screen.getByRole('list', { name: 'Contradictions' })).getByText(/cannot both be true/),
    ).toBeVisible();
    const deepest = screen.getByRole('group', { name: /level 8: All of$/ });
    expect(within(deepest).getByRole('button', { name: 'Add group' })).toBeDisabled();
    expect(within(deepest).getByText('Groups can be nested at most 8 levels deep.')).toBeVisible();
    await act(async () => {});
  });

  it('offers the metrics as a picker and enum values for the value', async () => {
    const metrics = [
      MetricSchema.parse({
        id: 4,
        name: 'Sentiment',
        eval_type: 'enum',
        enum_values: ['positive', 'negative'],
      }),
      MetricSchema.parse({ id: 5, name: 'Accuracy', eval_type: 'numeric' }),
    ];
    const { user, last } = setup(
      {
        operator: 'same_row',
        conditions: [
          { field: 'metric_evaluations.metric.id', op: 'eq', value: 5 },
          { field: 'metric_evaluations.value', op: 'eq', value: 1 },
        ],
      },
      { metrics },
    );
    const metric = row('Condition 1 of group Same evaluation, level 1');
    await user.selectOptions(within(metric).getByRole('combobox', { name: 'Value' }), '4');
    const value = row('Condition 2 of group Same evaluation, level 1');
    await user.selectOptions(within(value).getByRole('combobox', { name: 'Value' }), 'negative');
    expect(last()).toEqual({
      operator: 'same_row',
      conditions: [
        { field: 'metric_evaluations.metric.id', op: 'eq', value: 4 },
        { field: 'metric_evaluations.value', op: 'eq', value: 'negative' },
      ],
    });
    expect(screen.getByText(/Metric is "Sentiment"/)).toBeVisible();
  });
});

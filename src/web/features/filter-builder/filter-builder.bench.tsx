// @vitest-environment jsdom
/**
 * How large a tree stays smooth: time to render the builder and to apply one edit (typing a value)
 * for 50 and 200 conditions, in jsdom (slower than a browser for layout-free work, so an upper
 * bound for React and the builder's own code). Run: `npx vitest bench --run src/web/features/filter-builder/`.
 * Not a test: nothing here asserts a duration.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { bench, describe } from 'vitest';
import type { Filter } from '../../../contract/filter-schema.ts';
import { FilterBuilder } from './filter-builder.tsx';

const FIELDS: Filter[] = [
  { field: 'duration', op: 'gte', value: 30 },
  { field: 'success', op: 'eq', value: true },
  { field: 'topic', op: 'in', value: ['billing', 'refunds'] },
  { field: 'call_ended_reason', op: 'contains', value: 'timeout' },
  { field: 'timestamp', op: 'gte', value: 'now-7d' },
];

/** `count` conditions in groups of ten (alternating All of / Any of) under a root All of. */
function largeFilter(count: number): Filter {
  const groups: Filter[] = [];
  for (let start = 0; start < count; start += 10) {
    const conditions = Array.from({ length: Math.min(10, count - start) }, (_, offset) => {
      const template = FIELDS[(start + offset) % FIELDS.length] ?? { field: 'duration', op: 'gte', value: 1 };
      return template;
    });
    groups.push({ operator: start % 20 === 0 ? 'and' : 'or', conditions });
  }
  return { operator: 'and', conditions: groups };
}

const now = new Date('2025-11-10T12:00:00Z');

function Harness({ initial }: { initial: Filter }) {
  const [value, setValue] = useState<Filter | null>(initial);
  return <FilterBuilder value={value} onChange={setValue} now={now} />;
}

for (const count of [50, 200]) {
  describe(`${count} conditions`, () => {
    const filter = largeFilter(count);
    bench(
      'render (mount + first commit)',
      () => {
        render(<Harness initial={filter} />);
        cleanup();
      },
      { iterations: 10, warmupIterations: 2 },
    );

    let input: HTMLElement | null = null;
    let next = 0;
    bench(
      'apply an edit (type one value)',
      () => {
        next += 1;
        const target = input;
        if (!target) return;
        act(() => {
          fireEvent.change(target, { target: { value: String(100 + (next % 50)) } });
        });
      },
      {
        iterations: 50,
        warmupIterations: 5,
        setup: () => {
          cleanup();
          render(<Harness initial={filter} />);
          const row = screen.getAllByRole('group', { name: /^Condition 1 of group All of, level 2$/ })[0];
          input = row ? within(row).getByRole('textbox', { name: 'Value' }) : null;
        },
        teardown: () => cleanup(),
      },
    );
  });
}

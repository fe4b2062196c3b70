// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChartType } from '../../../../contract/enums.ts';
import { DEFAULT_WIDGET_DISPLAY } from '../../../../contract/widget-display.ts';
import { DisplayOptionsControl } from './display-options-control.tsx';

const labels = ['Show legend', 'Show points on lines', 'Value unit'];

describe('DisplayOptionsControl', () => {
  it.each<[ChartType, string[], boolean]>([
    ['line', labels, true],
    ['bar', ['Show legend', 'Value unit'], true],
    ['pie', ['Show legend'], false],
    ['stat', [], false],
  ])('a %s chart offers %j (colour: %s)', (chartType, shown, colour) => {
    render(
      <DisplayOptionsControl
        chartType={chartType}
        value={DEFAULT_WIDGET_DISPLAY}
        onChange={() => undefined}
        onBlur={() => undefined}
      />,
    );
    for (const label of labels) {
      if (shown.includes(label)) expect(screen.getByLabelText(label)).toBeInTheDocument();
      else expect(screen.queryByLabelText(label)).not.toBeInTheDocument();
    }
    expect(screen.queryByRole('group', { name: 'Colour' }) !== null).toBe(colour);
  });
});

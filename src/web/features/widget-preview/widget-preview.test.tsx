// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { WidgetDataResponse } from '../../../contract/widget-data-schema.ts';
import { DEFAULT_WIDGET_DISPLAY } from '../../../contract/widget-display.ts';
import { WidgetPreview } from './widget-preview.tsx';

const stat = (total: number): WidgetDataResponse => ({
  widget_id: 3,
  field_name: '',
  chart_type: 'stat',
  data: { total_calls: total, success_rate: 91.2, avg_duration: 64.5, p95_latency: null },
  aggregation_function: null,
  time_period: null,
  group_by: null,
  metadata: { display_name: 'Summary', data_type: 'numeric' },
});

describe('WidgetPreview', () => {
  it('shows a busy skeleton while loading', () => {
    render(
      <WidgetPreview chartType="line" display={DEFAULT_WIDGET_DISPLAY} status="loading" label="Calls" />,
    );
    expect(screen.getByText('Loading chart')).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: 'Calls' })).toHaveAttribute('data-state', 'loading');
  });

  it('shows the error text in the error state', () => {
    render(
      <WidgetPreview
        chartType="bar"
        display={DEFAULT_WIDGET_DISPLAY}
        status="error"
        error="Timestamp too old"
      />,
    );
    expect(screen.getByText('Could not load this chart')).toBeInTheDocument();
    expect(screen.getByText('Timestamp too old')).toBeInTheDocument();
  });

  it.each([
    { guidance: undefined, text: 'No calls match these filters' },
    { guidance: 'Widen the date range', text: 'Widen the date range' },
  ])('shows guidance "$text" for empty data', ({ guidance, text }) => {
    render(
      <WidgetPreview
        chartType="stat"
        display={DEFAULT_WIDGET_DISPLAY}
        status="ready"
        response={stat(0)}
        guidance={guidance}
      />,
    );
    expect(screen.getByText(text)).toBeInTheDocument();
  });

  it('draws the four stat figures with units', () => {
    render(
      <WidgetPreview
        chartType="stat"
        display={DEFAULT_WIDGET_DISPLAY}
        status="ready"
        response={stat(1234)}
      />,
    );
    const figures = [...document.querySelectorAll('[data-stat]')].map((el) => el.textContent);
    expect(figures).toEqual([
      'Total calls1,234',
      'Success rate91.2%',
      'Average duration64.5 s',
      'P95 latency—',
    ]);
  });

  it('explains a chart type that does not match the data', () => {
    render(
      <WidgetPreview chartType="pie" display={DEFAULT_WIDGET_DISPLAY} status="ready" response={stat(5)} />,
    );
    expect(screen.getByText('Cannot draw this chart')).toBeInTheDocument();
  });

  it('shows the idle guidance without a response', () => {
    render(
      <WidgetPreview
        chartType="pie"
        display={DEFAULT_WIDGET_DISPLAY}
        status="idle"
        guidance="Pick a field"
      />,
    );
    expect(screen.getByText('Pick a field')).toBeInTheDocument();
  });

  it('draws a 50,000-point line as a table of the rows in view, announcing all of them', async () => {
    const points = Array.from({ length: 50_000 }, (_, i) => ({
      id: i + 1,
      timestamp: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      value: i,
    }));
    const long: WidgetDataResponse = {
      widget_id: 4,
      field_name: 'duration',
      chart_type: 'line',
      data: points,
      aggregation_function: null,
      time_period: null,
      group_by: null,
      metadata: { display_name: 'Duration', data_type: 'numeric' },
    };
    render(
      <WidgetPreview
        chartType="line"
        display={{ ...DEFAULT_WIDGET_DISPLAY, unit: 's' }}
        status="ready"
        response={long}
        label="Durations"
        view="table"
      />,
    );
    const table = await screen.findByRole('table', { name: 'Durations' });
    expect(table).toHaveAttribute('aria-rowcount', '50001');
    const drawn = table.querySelectorAll('tbody tr[aria-rowindex]');
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(100);
    expect(screen.getByRole('columnheader', { name: 'Duration (s)' })).toBeInTheDocument();
    expect(screen.getByText('50,000 rows')).toBeInTheDocument();
  });
});

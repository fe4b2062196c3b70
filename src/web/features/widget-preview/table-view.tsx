import { useMemo, useState, type UIEvent } from 'react';
import type { WidgetDataResponse } from '../../../contract/widget-data-schema.ts';
import { classNames } from '../../lib/class-names.ts';
import { downloadBlob } from '../../lib/download-blob.ts';
import { Button } from '../../ui/button.tsx';
import { FOCUS_RING } from '../../ui/focus-ring.ts';
import { prepareChartTable, sortTableRows, visibleRowRange, type TableSort } from './chart-table.ts';
import { valueFormatOf } from './prepare-chart-shape.ts';
import { readChartData } from './read-chart-data.ts';
import { chartDataToCsv, exportFileName } from './widget-csv.ts';

/** Fixed row height: the virtual window is worked out from it (`visibleRowRange`). */
const ROW_HEIGHT = 28;
const OVERSCAN = 10;
/** The viewport assumed before the first scroll (and without layout, in jsdom). */
const DEFAULT_VIEWPORT = 320;

/**
 * The Table view of a widget: the chart's data as a sortable table with the chart's units (the chart's
 * accessible alternative), virtualised so a 50,000-point line draws only the rows in view, with the
 * CSV export beside it when `exportName` is given. Header buttons sort; `aria-sort` tells which.
 */
export function TableView({
  response,
  unit,
  label,
  exportName,
}: {
  response: WidgetDataResponse;
  unit: string;
  /** The chart's name: the table's caption. */
  label: string;
  /** The CSV file's name; without it there is no export button (the editor has its own). */
  exportName?: string | undefined;
}) {
  const data = readChartData(response);
  const format = valueFormatOf(response);
  const table = useMemo(
    () =>
      prepareChartTable(data, {
        valueLabel: response.metadata.display_name || response.field_name || 'Value',
        format,
        unit,
        period: response.time_period,
      }),
    [data, format, unit, response],
  );
  const [sort, setSort] = useState<TableSort | null>(null);
  const rows = useMemo(() => sortTableRows(table.rows, sort), [table.rows, sort]);
  const [scroll, setScroll] = useState({ top: 0, height: DEFAULT_VIEWPORT });
  const { start, end } = visibleRowRange({
    scrollTop: scroll.top,
    viewportHeight: scroll.height,
    rowHeight: ROW_HEIGHT,
    rowCount: rows.length,
    overscan: OVERSCAN,
  });

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const target = event.currentTarget;
    setScroll({ top: target.scrollTop, height: target.clientHeight || DEFAULT_VIEWPORT });
  };
  const exportCsv = () => {
    const csv = chartDataToCsv(data, response.metadata.display_name || 'value', format);
    if (csv !== null && exportName !== undefined) {
      downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), exportFileName(exportName, 'csv'));
    }
  };

  return (
    <div className="flex h-full min-h-0 flex-col gap-1" data-testid="table-view">
      <div className="flex items-center justify-between gap-2 px-1 text-xs">
        <span>{rows.length === 1 ? '1 row' : `${rows.length.toLocaleString('en-US')} rows`}</span>
        {exportName !== undefined ? (
          <Button size="sm" variant="ghost" onClick={exportCsv} disabled={data.kind === 'invalid'}>
            Download CSV
          </Button>
        ) : null}
      </div>
      <div
        role="region"
        aria-label={`${label}: table`}
        // Reachable by keyboard so the table scrolls without a mouse (axe scrollable-region-focusable).
        tabIndex={0}
        onScroll={onScroll}
        className={classNames('min-h-0 flex-1 overflow-auto rounded', FOCUS_RING)}
      >
        <table
          className="w-full border-collapse text-left text-xs text-slate-700 tabular-nums dark:text-slate-200"
          aria-rowcount={rows.length + 1}
        >
          <caption className="sr-only">{label}</caption>
          <thead className="sticky top-0 bg-white dark:bg-slate-900">
            <tr aria-rowindex={1}>
              {table.columns.map((column, index) => {
                const sorted = sort?.column === index ? sort.direction : undefined;
                return (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={sorted ?? 'none'}
                    className={classNames(
                      'border-b border-slate-200 px-2 py-1 font-semibold dark:border-slate-700',
                      column.numeric ? 'text-right' : '',
                    )}
                  >
                    <button
                      type="button"
                      className={classNames(
                        'inline-flex items-center gap-1 rounded hover:text-slate-950 dark:hover:text-white',
                        FOCUS_RING,
                      )}
                      onClick={() =>
                        setSort({
                          column: index,
                          direction: sorted === 'ascending' ? 'descending' : 'ascending',
                        })
                      }
                    >
                      {column.label}
                      <span aria-hidden="true" className="w-2">
                        {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {start > 0 ? <tr aria-hidden="true" style={{ height: start * ROW_HEIGHT }} /> : null}
            {rows.slice(start, end).map((row, offset) => (
              <tr
                key={row.key}
                aria-rowindex={start + offset + 2}
                style={{ height: ROW_HEIGHT }}
                className="border-b border-slate-100 dark:border-slate-800"
              >
                {table.columns.map((column, index) => (
                  <td
                    key={column.key}
                    dir="auto"
                    className={classNames(
                      'px-2 whitespace-nowrap',
                      column.numeric ? 'text-right' : 'max-w-48 truncate',
                    )}
                  >
                    {column.format(row.values[index] ?? null)}
                  </td>
                ))}
              </tr>
            ))}
            {end < rows.length ? (
              <tr aria-hidden="true" style={{ height: (rows.length - end) * ROW_HEIGHT }} />
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}

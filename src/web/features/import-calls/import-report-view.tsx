import { describeCreated, type ImportReport } from '../../../contract/import-report-schema.ts';
import { ErrorState } from '../../ui/error-state.tsx';

/** The end of an import: what was stored, or why nothing was, with every reported row and its line. */
export function ImportReportView({ report, skipInvalid }: { report: ImportReport; skipInvalid: boolean }) {
  const rows = [
    ...report.problems,
    ...report.duplicates.map((d) => ({ ...d, message: `Duplicate: ${d.message}` })),
  ];
  const list =
    rows.length > 0 ? (
      <ul aria-label="Reported rows" className="mt-2 max-h-64 space-y-1 overflow-auto font-mono text-xs">
        {rows.map((row) => (
          <li key={`${row.where}-${row.message}`}>
            <span className="font-semibold">{row.where}</span>
            {row.callId ? ` (call_id ${row.callId})` : ''}: {row.message}
          </li>
        ))}
        {report.invalidRows > report.problems.length ? (
          <li>… and {report.invalidRows - report.problems.length} more invalid rows.</li>
        ) : null}
      </ul>
    ) : null;
  const created = describeCreated(report.created);
  if (report.outcome === 'rolled-back') {
    const message =
      report.fatal ??
      `${report.invalidRows} of ${report.rowsRead} rows are invalid. Fix them, or tick "Skip invalid rows" to import the valid ones.`;
    return (
      <ErrorState
        title="Nothing was imported"
        message={
          <>
            <p>{message}</p>
            {list}
          </>
        }
      />
    );
  }
  return (
    <div
      role="status"
      className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900 dark:border-emerald-900/60 dark:bg-emerald-950/40 dark:text-emerald-200"
    >
      <h2 className="font-semibold">Import finished</h2>
      <p className="mt-1">
        {report.stored} new calls stored, {report.unchanged} already present
        {skipInvalid ? `, ${report.skipped} invalid rows skipped` : ''} ({report.rowsRead} rows in{' '}
        {(report.elapsedMs / 1000).toFixed(1)} s).
      </p>
      {created ? <p className="mt-1">{created}</p> : null}
      {list}
    </div>
  );
}

import { formatProgressLine } from '../../contract/import-progress-text.ts';
import { describeCreated, type ImportReport } from '../../contract/import-report-schema.ts';

/** The end of an import as terminal lines: the outcome, then every reported problem with its line. */
export function formatImportReport(report: ImportReport, skipInvalid: boolean): string[] {
  const lines: string[] = [];
  if (report.fatal !== null) lines.push(`Nothing was imported. ${report.fatal}`);
  else if (report.outcome === 'rolled-back')
    lines.push(
      `Nothing was imported: ${report.invalidRows} of ${report.rowsRead} rows are invalid. Fix them, or pass --skip-invalid to import the valid rows.`,
    );
  else
    lines.push(
      `Imported ${report.stored} new calls (${report.unchanged} already present, ${report.skipped} skipped) from ${report.rowsRead} rows in ${(report.elapsedMs / 1000).toFixed(1)} s.`,
    );
  const created = describeCreated(report.created);
  if (created) lines.push(`  ${created}`);
  for (const problem of report.problems)
    lines.push(
      `  ${skipInvalid ? 'skipped' : 'invalid'} ${problem.where}${problem.callId ? ` (call_id ${problem.callId})` : ''}: ${problem.message}`,
    );
  if (report.invalidRows > report.problems.length)
    lines.push(`  … and ${report.invalidRows - report.problems.length} more invalid rows.`);
  for (const duplicate of report.duplicates)
    lines.push(`  duplicate ${duplicate.where} (call_id ${duplicate.callId ?? ''}): ${duplicate.message}`);
  if (report.duplicateRows > report.duplicates.length)
    lines.push(`  … and ${report.duplicateRows - report.duplicates.length} more duplicate call_ids.`);
  lines.push(formatProgressLine(report));
  return lines;
}

import { DashboardInputSchema } from '../../contract/dashboard-schema.ts';
import type { DrfErrors } from '../../contract/drf-errors.ts';
import type { Filter } from '../../contract/filter-schema.ts';
import { validateFilter } from '../../contract/filter-validation.ts';
import type { Metric } from '../../contract/metric-schema.ts';
import { mergeDrfErrors, zodToDrf } from '../http/zod-to-drf.ts';
import { re2PatternProblem } from '../http/re2-pattern.ts';
import { pickFields } from './widget-input.ts';

export const DASHBOARD_WRITABLE_FIELDS = ['name', 'project', 'filters'] as const;

export interface DashboardFields {
  name: string | null;
  project: number | null;
  filters: Filter | null;
}

export type DashboardValidation = { ok: true; fields: DashboardFields } | { ok: false; errors: DrfErrors };

/**
 * Validates a dashboard candidate (current values overlaid with the body's writable fields). Filters
 * get the contract's path-prefixed messages (D8); the schema covers the other fields' types.
 */
export function validateDashboardCandidate(
  current: DashboardFields,
  body: Record<string, unknown>,
  metrics: readonly Metric[],
): DashboardValidation {
  const candidate: Record<string, unknown> = { ...current, ...pickFields(body, DASHBOARD_WRITABLE_FIELDS) };
  const filterMessages =
    candidate.filters === null
      ? []
      : validateFilter(candidate.filters, { metrics, checkRegex: re2PatternProblem });
  const filterErrors: DrfErrors = filterMessages.length > 0 ? { filters: filterMessages } : {};
  const parsed = DashboardInputSchema.safeParse(candidate);
  const schemaErrors = parsed.success ? {} : zodToDrf(parsed.error, candidate);
  if (filterMessages.length > 0) delete schemaErrors.filters;
  const errors = mergeDrfErrors(filterErrors, schemaErrors);
  if (errors || !parsed.success)
    return { ok: false, errors: errors ?? { non_field_errors: ['Invalid dashboard.'] } };
  return {
    ok: true,
    fields: {
      name: parsed.data.name ?? null,
      project: parsed.data.project ?? null,
      filters: parsed.data.filters ?? null,
    },
  };
}

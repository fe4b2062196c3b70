import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { ValueCount } from '../../contract/value-counts-schema.ts';
import { useApiClient } from './api-client-context.tsx';
import { valueCountQueries } from './value-count-queries.ts';

const NONE: readonly ValueCount[] = [];

/**
 * Value suggestions for a filter builder (`valueSuggestions`): the values of a project's calls per
 * text field, fetched only for the fields a value input asked for (`want`), one request per field,
 * cached. Until they arrive, and wherever the value counts are unavailable, a field has none.
 */
export function useValueSuggestions(projectId: number | null) {
  const api = useApiClient();
  const [wanted, setWanted] = useState<readonly string[]>([]);
  const want = useCallback(
    (field: string) => setWanted((current) => (current.includes(field) ? current : [...current, field])),
    [],
  );
  // Re-run (a new Map) only when `wanted` or a query's result changes: rows re-render when values arrive.
  const combine = useCallback(
    (results: readonly { data?: readonly ValueCount[] | undefined }[]) =>
      new Map(wanted.map((field, index) => [field, results[index]?.data ?? NONE])),
    [wanted],
  );
  const byField = useQueries({
    queries: wanted.map((field) => valueCountQueries.list(api, { projectId, field })),
    combine,
  });
  const valuesOf = useCallback((field: string) => byField.get(field) ?? NONE, [byField]);
  return useMemo(() => ({ valuesOf, want }), [valuesOf, want]);
}

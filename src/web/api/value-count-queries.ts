import { queryOptions } from '@tanstack/react-query';
import {
  VALUE_COUNTS_MAX_LIMIT,
  VALUE_COUNTS_PATH,
  ValueCountsResponseSchema,
  type ValueCount,
} from '../../contract/value-counts-schema.ts';
import type { ApiClient } from './api-client.ts';
import { queryKeys } from './query-keys.ts';

const NO_COUNTS: readonly ValueCount[] = [];

/**
 * Value counts of a text field (our extension of the contract, served by the embedded server only),
 * for value suggestions. Suggestions are a nicety: any failure (a 404 from a forwarding server, a
 * network error) is "no suggestions", never an error state, and another API is not even asked.
 */
export const valueCountQueries = {
  list: (api: ApiClient, params: { projectId: number | null; field: string }) =>
    queryOptions({
      queryKey: queryKeys.valueCounts.list(params),
      queryFn: async ({ signal }): Promise<readonly ValueCount[]> => {
        try {
          const response = await api.get(VALUE_COUNTS_PATH, {
            schema: ValueCountsResponseSchema,
            query: { field: params.field, project_id: params.projectId },
            signal,
          });
          return response.data.results;
        } catch (error: unknown) {
          if (signal.aborted) throw error;
          return NO_COUNTS;
        }
      },
      // Another API (the real Cekura) has no such route: it is not asked at all.
      enabled: api.embedded,
      staleTime: 10 * 60_000,
    }),
  /**
   * The values of a dashboard variable over the dashboard's window (`from`, the range's lower bound),
   * the calls without a value included. `counted` is false when the API has no value counts (another
   * API, a forwarding server, a failure): the picker then takes typed values, without counts.
   */
  variable: (api: ApiClient, params: { projectId: number | null; field: string; from: string | null }) =>
    // The client is not part of the key (as in every factory here): it changes only with the connection.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: queryKeys.valueCounts.list({ ...params, missing: true }),
      queryFn: async ({ signal }): Promise<VariableValues> => {
        if (!api.embedded) return NOT_COUNTED;
        try {
          const response = await api.get(VALUE_COUNTS_PATH, {
            schema: ValueCountsResponseSchema,
            query: {
              field: params.field,
              project_id: params.projectId,
              from: params.from,
              limit: VALUE_COUNTS_MAX_LIMIT,
              missing: 'true',
            },
            signal,
          });
          return { counted: true, values: response.data.results, missing: response.data.missing ?? 0 };
        } catch (error: unknown) {
          if (signal.aborted) throw error;
          return NOT_COUNTED;
        }
      },
      staleTime: 5 * 60_000,
    }),
};

export interface VariableValues {
  counted: boolean;
  /** Most frequent first. */
  values: readonly ValueCount[];
  /** Calls without a value ("(none)"). */
  missing: number;
}

const NOT_COUNTED: VariableValues = { counted: false, values: NO_COUNTS, missing: 0 };

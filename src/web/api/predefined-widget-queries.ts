import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod';
import { WidgetInputSchema } from '../../contract/widget-schema.ts';
import type { ApiClient } from './api-client.ts';
import { DASHBOARDS_PATH } from './dashboard-queries.ts';
import { queryKeys } from './query-keys.ts';

export const PREDEFINED_WIDGETS_PATH = `${DASHBOARDS_PATH}predefined_widgets/`;

/** D16: a plain array of widget inputs with a name; a page envelope is tolerated (the OAS is unclear). */
const PredefinedWidgetsSchema = z.union([
  z.array(WidgetInputSchema),
  z.object({ results: z.array(WidgetInputSchema) }).transform((page) => page.results),
]);

export const predefinedWidgetQueries = {
  /**
   * The quick-add widgets of ONE project: the server fills in that project's metric ids (its latency
   * metric), so asking without the dashboard's project can name another project's metric.
   */
  list: (api: ApiClient, params: { projectId: number | null }) =>
    queryOptions({
      queryKey: queryKeys.dashboards.predefinedWidgets(params),
      queryFn: async ({ signal }) => {
        const response = await api.get(PREDEFINED_WIDGETS_PATH, {
          schema: PredefinedWidgetsSchema,
          query: { project_id: params.projectId },
          signal,
        });
        return response.data;
      },
      staleTime: 10 * 60_000,
    }),
};

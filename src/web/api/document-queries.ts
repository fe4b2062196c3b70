import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { DashboardDocumentSchema, type DashboardDocument } from '../../contract/dashboard-document-schema.ts';
import { ImportPreviewSchema, type ImportDashboardRequest } from '../../contract/dashboard-import-schema.ts';
import { DashboardSchema } from '../../contract/dashboard-schema.ts';
import { useApiClient } from './api-client-context.tsx';
import type { ApiClient } from './api-client.ts';
import { queryKeys } from './query-keys.ts';
import { studioDashboardPath } from './version-queries.ts';

/** `/studio/dashboards/import/`: Widget Studio's documents extension (the real Cekura API has none). */
const IMPORT_PATH = '/studio/dashboards/import/';

/** The dashboard as a portable document (`GET /studio/dashboards/{id}/export/`). */
export async function exportDashboard(api: ApiClient, dashboardId: number): Promise<DashboardDocument> {
  return (await api.get(studioDashboardPath(dashboardId, 'export/'), { schema: DashboardDocumentSchema }))
    .data;
}

/** Query factories for documents. */
export const documentQueries = {
  /**
   * What importing `request` would do (a dry run: nothing is written), with the document's ids mapped
   * to the project's, so each widget can be previewed on its data before the import.
   */
  importPreview: (api: ApiClient, request: Omit<ImportDashboardRequest, 'dry_run'>) =>
    queryOptions({
      queryKey: queryKeys.documents.importPreview(request),
      queryFn: async ({ signal }) =>
        (
          await api.post(IMPORT_PATH, {
            body: { ...request, dry_run: true },
            schema: ImportPreviewSchema,
            signal,
            idempotent: true,
          })
        ).data,
      staleTime: 30_000,
      retry: false,
    }),
};

/** Imports a document as a new dashboard, in one transaction; the new one is put in the cache. */
export function useImportDashboard() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: Omit<ImportDashboardRequest, 'dry_run'>) => {
      const response = await api.post(IMPORT_PATH, { body: request, schema: DashboardSchema });
      return { ...response.data, etag: response.etag };
    },
    onSuccess: async (dashboard) => {
      queryClient.setQueryData(queryKeys.dashboards.detail(dashboard.id), dashboard);
      await queryClient.invalidateQueries({ queryKey: queryKeys.dashboards.lists() });
    },
  });
}

import { useMutation } from '@tanstack/react-query';
import type { Dashboard } from '../../../contract/dashboard-schema.ts';
import { useApiClient } from '../../api/api-client-context.tsx';
import { describeError } from '../../api/api-error.ts';
import { exportDashboard } from '../../api/document-queries.ts';
import { downloadBlob } from '../../lib/download-blob.ts';
import { useToast } from '../../ui/toast.tsx';

/** A file name from the dashboard's name: letters, digits and dashes only. */
export function exportFileName(dashboard: Pick<Dashboard, 'id' | 'name'>): string {
  const slug = (dashboard.name ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || `dashboard-${dashboard.id}`}.dashboard.json`;
}

/** Export: downloads the dashboard as a document file (our extension); a failure is a toast. */
export function useExportAction(dashboard: Pick<Dashboard, 'id' | 'name'>) {
  const api = useApiClient();
  const toast = useToast();
  const mutation = useMutation({
    mutationFn: () => exportDashboard(api, dashboard.id),
    onSuccess: (document) =>
      downloadBlob(
        new Blob([`${JSON.stringify(document, null, 2)}\n`], { type: 'application/json' }),
        exportFileName(dashboard),
      ),
    onError: (error) =>
      toast.show({
        tone: 'error',
        title: 'Could not export the dashboard',
        description: describeError(error),
      }),
  });
  return { run: () => mutation.mutate(), isPending: mutation.isPending };
}

import { useCallback } from 'react';
import { describeError } from '../../api/api-error.ts';
import { PartialSaveError, useSaveLayout } from '../../api/use-save-layout.ts';
import { useToast } from '../../ui/toast.tsx';
import { withLayout } from '../dashboard-grid/dashboard-grid.tsx';
import type { useLayoutDraft } from './use-layout-draft.ts';

/**
 * Save layout: ONE `bulk_widgets` request with only the changed cards' metadata (every other
 * metadata key kept, D14/D15). On success the draft is dropped (the cache now holds the saved
 * layout) and `onSaved` leaves edit mode; on failure the draft stays so nothing is lost.
 */
export function useSaveLayoutAction(
  dashboardId: number,
  draft: Pick<ReturnType<typeof useLayoutDraft>, 'changes' | 'reset'>,
  onSaved: () => void,
) {
  const toast = useToast();
  const mutation = useSaveLayout();
  const { mutate } = mutation;
  const { changes, reset } = draft;
  const save = useCallback(() => {
    mutate(
      {
        dashboardId,
        changes: changes.map((change) => ({ widgetId: Number(change.i), layout: change.layout })),
        withLayout,
      },
      {
        onSuccess: () => {
          reset();
          onSaved();
          toast.show({ tone: 'success', title: 'Layout saved' });
        },
        onError: (error) =>
          toast.show({
            tone: 'error',
            title:
              error instanceof PartialSaveError
                ? 'Part of the layout was not saved'
                : 'Could not save the layout',
            description: describeError(error),
          }),
      },
    );
  }, [changes, dashboardId, mutate, onSaved, reset, toast]);
  return { save, isPending: mutation.isPending };
}

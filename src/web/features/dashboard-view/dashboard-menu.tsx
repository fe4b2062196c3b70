import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Dashboard } from '../../../contract/dashboard-schema.ts';
import { CopyIcon, PencilIcon, TrashIcon } from '../../ui/icons.tsx';
import { MenuButton } from '../../ui/menu-button.tsx';
import {
  DeleteDashboardDialog,
  RenameDashboardDialog,
  useDuplicateAction,
} from '../dashboards/dashboards.tsx';

/**
 * The dashboard page's ⋮ menu, as on Cekura's own dashboard: Rename, Duplicate, Delete, with the same
 * dialogs and outcomes as the dashboards list; a delete goes back to the list.
 */
export function DashboardMenu({ dashboard }: { dashboard: Dashboard }) {
  const [dialog, setDialog] = useState<'rename' | 'delete' | null>(null);
  const duplicate = useDuplicateAction();
  const navigate = useNavigate();
  return (
    <>
      <MenuButton
        label="Dashboard actions"
        glyph="⋮"
        items={[
          { label: 'Rename', Icon: PencilIcon, onSelect: () => setDialog('rename') },
          { label: 'Duplicate', Icon: CopyIcon, onSelect: () => duplicate.run(dashboard) },
          { label: 'Delete', Icon: TrashIcon, onSelect: () => setDialog('delete'), danger: true },
        ]}
      />
      <RenameDashboardDialog
        dashboard={dialog === 'rename' ? dashboard : null}
        onClose={() => setDialog(null)}
      />
      <DeleteDashboardDialog
        dashboard={dialog === 'delete' ? dashboard : null}
        onClose={() => setDialog(null)}
        onDeleted={() => void navigate('/dashboards')}
      />
    </>
  );
}

import { useNavigate } from 'react-router';
import type { DashboardList } from '../../../contract/dashboard-schema.ts';
import { useDuplicateDashboard } from '../../api/use-duplicate-dashboard.ts';
import { useToast } from '../../ui/toast.tsx';
import { dashboardName } from './dashboard-list-model.ts';

/** Duplicates through the server's `duplicate/` (widgets included) and reports the outcome in a toast. */
export function useDuplicateAction() {
  const duplicateDashboard = useDuplicateDashboard();
  const toast = useToast();
  const navigate = useNavigate();
  return {
    pendingId: duplicateDashboard.isPending ? (duplicateDashboard.variables?.dashboardId ?? null) : null,
    run: (dashboard: DashboardList) => {
      const name = dashboardName(dashboard);
      duplicateDashboard.mutate(
        { dashboardId: dashboard.id },
        {
          onSuccess: (copy) =>
            toast.show({
              tone: 'success',
              title: `Duplicated as “${dashboardName(copy)}”`,
              action: { label: 'Open', onClick: () => void navigate(`/dashboards/${copy.id}`) },
            }),
          onError: (error) =>
            toast.show({ tone: 'error', title: `“${name}” was not duplicated`, description: error.message }),
        },
      );
    },
  };
}

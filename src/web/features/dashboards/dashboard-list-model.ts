import type { DashboardList } from '../../../contract/dashboard-schema.ts';

/**
 * The distinct project ids of the dashboards the key can see, ascending. The API has no projects
 * endpoint in the dashboards contract, so these are the projects the user can pick from.
 */
export function listProjects(dashboards: readonly DashboardList[]): number[] {
  const ids = new Set<number>();
  for (const dashboard of dashboards) if (dashboard.project !== null) ids.add(dashboard.project);
  return [...ids].sort((a, b) => a - b);
}

/** "Project 3"; "No project" for null. */
export function projectLabel(projectId: number | null): string {
  return projectId === null ? 'No project' : `Project ${projectId}`;
}

/** The dashboards of one project (all when `projectId` is null), most recently updated first, then by name. */
export function selectDashboards(
  dashboards: readonly DashboardList[],
  projectId: number | null,
): DashboardList[] {
  return dashboards
    .filter((dashboard) => projectId === null || dashboard.project === projectId)
    .sort((a, b) => {
      const byDate = (b.updated_at ?? '').localeCompare(a.updated_at ?? '');
      return byDate !== 0 ? byDate : (a.name ?? '').localeCompare(b.name ?? '');
    });
}

/** A display name for a dashboard whose `name` may be null or blank. */
export function dashboardName(dashboard: Pick<DashboardList, 'id' | 'name'>): string {
  return dashboard.name?.trim() ? dashboard.name : `Untitled dashboard ${dashboard.id}`;
}

/** `?project=3` → 3; anything else → null (all projects). */
export function parseProjectParam(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  return Number(value);
}

import { badRequest } from '../http/api-error.ts';
import { canSeeProject, type Scope } from '../http/scope.ts';

/**
 * The project a write lands in (D18): a project-scoped key always writes into its own project; an
 * organisation key names one with `project`, or needs none when the organisation has just one.
 */
export function writeProjectOf(scope: Scope, requested: number | null | undefined): number {
  const project =
    requested ?? scope.projectId ?? (scope.projectIds.length === 1 ? scope.projectIds[0] : undefined);
  if (project === undefined) throw badRequest({ project: ['This field is required.'] });
  if (scope.projectId !== null && requested != null && requested !== scope.projectId)
    throw badRequest({ project: [`Invalid pk "${requested}" - object does not exist.`] });
  if (!canSeeProject(scope, project))
    throw badRequest({ project: [`Invalid pk "${project}" - object does not exist.`] });
  return project;
}

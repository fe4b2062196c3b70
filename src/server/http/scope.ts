/**
 * What an API key may see (D18): one organisation, optionally narrowed to one project. `projectIds`
 * lists the visible projects; anything outside them answers 404.
 */
export interface Scope {
  organisationId: number;
  /** null for an organisation-level key. */
  projectId: number | null;
  projectIds: readonly number[];
  /** The key's label: who made a change, in version history. */
  keyLabel?: string;
}

export function canSeeProject(scope: Scope, projectId: number | null): boolean {
  if (projectId === null) return scope.projectId === null;
  return scope.projectIds.includes(projectId);
}

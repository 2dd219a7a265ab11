/**
 * Where a team has something to run: a cluster × environment gets the team's namespace, quota, access,
 * network policies, registry and Argo CD project only when a deployment is placed there or a pipeline
 * runs there (monitoring follows its deployment). Elsewhere the team gets nothing, not an empty namespace.
 */
import type { ResolvedTeam } from '../../resolve/resolved-org.ts';

/** Whether `team` deploys a model or runs a pipeline in `environment` on `cluster`. */
export function teamRunsIn(team: ResolvedTeam, environment: string, cluster: string): boolean {
  const here = (placed: { readonly environment: string; readonly cluster: { readonly name: string } }) => placed.environment === environment && placed.cluster.name === cluster;
  return team.pipelines.some(here) || team.deployments.some((deployment) => deployment.placements.some(here));
}

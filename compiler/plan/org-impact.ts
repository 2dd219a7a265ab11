/** Which teams and clusters a change reaches; for a platform.yaml change, the whole blast radius. */
import type { ResolvedOrg } from '../resolve/resolved-org.ts';
import type { MlSummary } from './ml/ml-model.ts';
import type { InputChange, OrgImpact, ResourceChange } from './plan-model.ts';

function sorted(values: Iterable<string>): string[] {
  return [...new Set(values)].filter((value) => value !== '').sort();
}

/** Teams and clusters whose output (or serving) changes; unaffected teams listed for a platform change. */
export function orgImpact(inputs: readonly InputChange[], resources: readonly ResourceChange[], ml: MlSummary, orgs: readonly (ResolvedOrg | undefined)[]): OrgImpact {
  const platformChanged = inputs.some((input) => input.role === 'platform');
  const teams = sorted([...resources.map((change) => change.team), ...ml.rollouts.map((rollout) => rollout.team), ...ml.pipelines.map((pipeline) => pipeline.team), ...ml.monitors.map((monitor) => monitor.team)]);
  const clusters = sorted([...resources.map((change) => change.cluster), ...ml.rollouts.flatMap((rollout) => rollout.clusters)]);
  const allTeams = sorted(orgs.flatMap((org) => org?.teams.map((team) => team.name) ?? []));
  const affected = new Set(teams);
  return { platformChanged, teams, clusters, unaffectedTeams: platformChanged ? allTeams.filter((team) => !affected.has(team)) : [] };
}

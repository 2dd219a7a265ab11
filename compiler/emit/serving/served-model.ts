/** Lookups and labels shared by the serving builders. */
import type { ResolvedDeployment, ResolvedModel, ResolvedModelVersion, ResolvedPlacement, ResolvedTeam, ServedVersion } from '../../resolve/resolved-org.ts';
import { sourceAnnotations, standardLabels } from '../labels.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';

/** The model a served version belongs to (validation guarantees it exists). */
export function servedModel(team: ResolvedTeam, served: ServedVersion): ResolvedModel {
  const model = team.models.find((candidate) => candidate.name === served.model);
  if (!model) throw new Error(`bug: model ${served.model} of team ${team.name} is not resolved`);
  return model;
}

/** The model version a placement serves (validation guarantees it exists). */
export function servedVersion(team: ResolvedTeam, served: ServedVersion): ResolvedModelVersion {
  const version = servedModel(team, served).versions.find((candidate) => candidate.version === served.version);
  if (!version) throw new Error(`bug: version ${served.version} of model ${served.model} is not resolved`);
  return version;
}

/** Labels of a serving object: standard labels with model and version. */
export function servingLabels(context: TeamClusterContext, deployment: ResolvedDeployment, served: ServedVersion): Record<string, string> {
  return standardLabels({
    team: context.team.name,
    name: deployment.name,
    component: 'serving',
    environment: context.environment.name,
    model: served.model,
    version: served.version,
  });
}

/** Metadata of a serving object: name, namespace, labels and the placement's source annotation. */
export function servingMetadata(context: TeamClusterContext, deployment: ResolvedDeployment, placement: ResolvedPlacement, name: string, served: ServedVersion) {
  return {
    name,
    namespace: context.namespace,
    labels: servingLabels(context, deployment, served),
    annotations: sourceAnnotations(context.org, placement.source),
  };
}

/** The placements of a deployment on this context's cluster and environment. */
export function placementsHere(context: TeamClusterContext, deployment: ResolvedDeployment): ResolvedPlacement[] {
  return deployment.placements.filter((placement) => placement.environment === context.environment.name && placement.cluster.name === context.cluster.name);
}

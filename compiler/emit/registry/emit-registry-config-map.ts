/** The model registry of a team, as a ConfigMap in each of its namespaces (read by serving, tooling and people with kubectl). */
import { ApiObject, type Chart } from 'cdk8s';
import { sourceAnnotations, standardLabels } from '../labels.ts';
import { dnsName } from '../pipelines/dns-name.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';
import { stableJson } from './stable-json.ts';
import { fillRegistryTemplate } from './registry-template.ts';
import { namespaceRegistryData, type PlacementFilter, teamRegistry } from './team-registry.ts';
import type { ResolvedPlacement, ResolvedTeam } from '../../resolve/resolved-org.ts';
import { constructId } from '../construct-id.ts';

/** Key of the registry JSON in the ConfigMap. */
export const REGISTRY_KEY = 'registry.json';

/** Kubernetes rejects ConfigMaps over 1 MiB; above this many characters the JSON is written compact. */
export const PRETTY_JSON_LIMIT = 900 * 1024;

/** Pretty JSON for small registries (readable diffs), compact JSON when pretty would approach the 1 MiB ConfigMap limit. */
export function registryJson(data: unknown): string {
  const pretty = `${stableJson(data, 2)}\n`;
  return pretty.length <= PRETTY_JSON_LIMIT ? pretty : `${stableJson(data)}\n`;
}

/** Name of a team's registry ConfigMap. */
export function registryConfigMapName(team: string): string {
  return dnsName([team, 'model-registry']);
}

/**
 * Emits `<team>-model-registry` in the context's namespace: every model of the team with its versions,
 * lineage (dataset, trainedBy), metrics and the deployments serving each version in this environment on
 * this cluster, as JSON with sorted keys (see `registryJson`). Teams without models get no ConfigMap.
 */
export function emitRegistryConfigMap(chart: Chart, context: TeamClusterContext): void {
  const { team } = context;
  if (team.models.length === 0) return;
  new ApiObject(chart, constructId(chart, 'registry-configmap'), {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: registryConfigMapName(team.name),
      namespace: context.namespace,
      labels: standardLabels({ team: team.name, name: registryConfigMapName(team.name), component: 'registry', environment: context.environment.name }),
      annotations: sourceAnnotations(context.org, { file: team.file, path: ['models'] }),
    },
    data: { [REGISTRY_KEY]: namespaceRegistryJson(team, context.environment.name, context.cluster.name) },
  });
}

/** The registry JSON of a team as its ConfigMap in `environment` on `cluster` holds it (see `registryJson`). */
export function namespaceRegistryJson(team: ResolvedTeam, environment: string, cluster: string): string {
  const include = (placement: ResolvedPlacement) => placement.environment === environment && placement.cluster.name === cluster;
  const filled = fillRegistryTemplate(team, { cluster, environment }, include);
  if (filled !== undefined && filled.length < PRETTY_JSON_LIMIT) return `${filled}\n`;
  return fullRegistryJson(team, environment, cluster, include);
}

/** The same JSON serialised from the registry data in full (no template). */
export function fullRegistryJson(team: ResolvedTeam, environment: string, cluster: string, include: PlacementFilter): string {
  return registryJson(namespaceRegistryData(teamRegistry(team, include), { cluster, environment }));
}

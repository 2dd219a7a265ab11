/** The model registry of a team, as a ConfigMap in each of its namespaces (read by serving, tooling and people with kubectl). */
import { ApiObject, type Chart } from 'cdk8s';
import { sourceAnnotations, standardLabels } from '../labels.ts';
import { dnsName } from '../pipelines/dns-name.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';
import { stableJson } from './stable-json.ts';
import { teamRegistry } from './team-registry.ts';

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
  const registry = teamRegistry(team, (placement) => placement.environment === context.environment.name && placement.cluster.name === context.cluster.name);
  new ApiObject(chart, 'registry-configmap', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: registryConfigMapName(team.name),
      namespace: context.namespace,
      labels: standardLabels({ team: team.name, name: registryConfigMapName(team.name), component: 'registry', environment: context.environment.name }),
      annotations: sourceAnnotations(context.org, { file: team.file, path: ['models'] }),
    },
    data: { [REGISTRY_KEY]: registryJson({ cluster: context.cluster.name, ...(registry.costCenter ? { costCenter: registry.costCenter } : {}), environment: context.environment.name, models: registry.models, owners: registry.owners, team: registry.team }) },
  });
}

/**
 * ML346: a pipeline retrained on drift found on another cluster must be reachable there. The drift
 * check runs beside each production placement of the monitored deployment (`drift-retrain.ts`); when
 * the pipeline runs on a different cluster, the check calls that cluster's declared `server`. A cluster
 * without one is reached as `https://kubernetes.default.svc`, which from the drift check's pod is its
 * own API server, where the pipeline does not exist.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import { IN_CLUSTER_SERVER } from '../../resolve/resolve-platform.ts';
import type { ValidTeamFile } from '../validated-config.ts';
import { type PlatformIndex, placementClusters } from './platform-index.ts';

/** The environment a pipeline runs in, as resolve chooses it: the named one, else the first non-production one, else the first. */
function pipelineEnvironment(index: PlatformIndex, named: string | undefined) {
  const environments = index.environmentNames.map((name) => index.environments.get(name)!);
  return (named ? index.environments.get(named) : undefined) ?? environments.find((environment) => environment.tier !== 'production') ?? environments[0];
}

/** ML346 over one team file. */
export function retrainClusterDiagnostics(team: ValidTeamFile, index: PlatformIndex): Diagnostic[] {
  const { file, config } = team;
  const diagnostics: Diagnostic[] = [];
  for (const [name, pipeline] of Object.entries(config.pipelines ?? {})) {
    const watched = pipeline.retrain?.on === 'drift' ? pipeline.retrain.deployment : undefined;
    const deployment = watched ? config.deployments?.[watched] : undefined;
    if (!watched || !deployment || !config.monitoring?.[watched]?.drift) continue; // ML323 / ML306 report these
    const home = pipelineEnvironment(index, pipeline.environment)?.config.clusters[0];
    if (!home || (home.server !== undefined && home.server !== IN_CLUSTER_SERVER)) continue;
    const remote = new Set<string>();
    for (const [environmentName, placement] of Object.entries(deployment.environments)) {
      const environment = index.environments.get(environmentName);
      if (environment?.tier !== 'production') continue;
      for (const cluster of placementClusters(environment, placement.regions)) if (cluster.name !== home.name) remote.add(cluster.name);
    }
    if (remote.size === 0) continue;
    const checks = [...remote].map((cluster) => `\`${cluster}\``).join(', ');
    diagnostics.push(
      diagnosticAt(file, ['pipelines', name, 'retrain', 'deployment'], 'ML346', `Pipeline \`${name}\` runs on cluster \`${home.name}\`, which declares no \`server\`, so the drift check of \`${watched}\` on ${checks} cannot reach it to start a retraining run.`, {
        hint: `Add \`server: https://…\` to cluster \`${home.name}\` in platform.yaml.`,
      }),
    );
  }
  return diagnostics;
}

/** The clusters an emit covers: every cluster of the platform, narrowed like the teams' output by `--env` and `--cluster`. */
import type { ResolvedOrg } from '../resolve/resolved-org.ts';
import type { EmitOptions } from './emit-org.ts';

/** Names of the clusters of the environments and clusters `options` select, sorted. */
export function selectedClusters(org: Pick<ResolvedOrg, 'platform'>, options: Pick<EmitOptions, 'environments' | 'clusters'> = {}): string[] {
  const environments = options.environments ? new Set(options.environments) : undefined;
  const only = options.clusters ? new Set(options.clusters) : undefined;
  const clusters = new Set<string>();
  for (const environment of org.platform.environments) {
    if (environments && !environments.has(environment.name)) continue;
    for (const cluster of environment.clusters) if (!only || only.has(cluster.name)) clusters.add(cluster.name);
  }
  return [...clusters].sort();
}

/** What the semantic checks need to know about the platform, computed once. */
import type { Cluster, Environment } from '../../config/types.generated.ts';
import type { ParsedFile } from '../../load/parsed-file.ts';
import { defaultTier } from '../../resolve/resolve-platform.ts';
import type { EnvironmentTier } from '../../resolve/resolved-org.ts';
import type { ValidatedConfig } from '../validated-config.ts';
import { EMPTY_RECORD } from '../../support/own.ts';

/** One environment of the platform, with its tier and regions. */
export interface IndexedEnvironment {
  readonly name: string;
  readonly tier: EnvironmentTier;
  readonly config: Environment;
  /** Distinct regions of its clusters, in declaration order. */
  readonly regions: readonly string[];
}

/** Platform environments by name, and the platform file (undefined for the default platform). */
export interface PlatformIndex {
  readonly file?: ParsedFile;
  /** How messages name the platform: `platform.yaml`, or the default platform when there is none. */
  readonly describedAs: string;
  readonly phase: number;
  /** In declaration order. */
  readonly environmentNames: readonly string[];
  readonly environments: ReadonlyMap<string, IndexedEnvironment>;
  /** Default model-server image per framework. */
  readonly servingImages: Readonly<Record<string, string>>;
  readonly defaultBackend: 'kserve' | 'deployment';
  readonly kserveDeploymentMode: 'Knative' | 'Standard';
  /** Where `rps`/`concurrency` autoscaling gets its metric (platform.yaml `autoscaling.customMetrics`). */
  readonly customMetrics: 'keda' | 'prometheus-adapter';
  /** Whether platform.yaml declares where KServe predictors log predictions (`monitoring.predictionLogs`). */
  readonly predictionLogs: boolean;
}

/** Builds the platform index. */
export function indexPlatform(config: ValidatedConfig): PlatformIndex {
  const platform = config.platform.config;
  const environments = new Map<string, IndexedEnvironment>();
  for (const [name, environment] of Object.entries(platform.environments)) {
    const regions = [...new Set(environment.clusters.map((cluster) => cluster.region))];
    environments.set(name, { name, tier: environment.tier ?? defaultTier(name), config: environment, regions });
  }
  return {
    ...(config.platform.file ? { file: config.platform.file } : {}),
    describedAs: config.platform.file ? 'platform.yaml' : 'the default platform (the repo has no platform.yaml)',
    phase: platform.rollout?.phase ?? 1,
    environmentNames: [...environments.keys()],
    environments,
    servingImages: platform.serving?.images ?? EMPTY_RECORD,
    defaultBackend: platform.serving?.default ?? 'kserve',
    kserveDeploymentMode: platform.serving?.kserve?.deploymentMode ?? 'Knative',
    customMetrics: platform.autoscaling?.customMetrics ?? 'keda',
    predictionLogs: platform.monitoring?.predictionLogs !== undefined,
  };
}

/** The clusters a deployment environment runs on: the environment's clusters in its `regions` (all when unset). */
export function placementClusters(environment: IndexedEnvironment, regions: readonly string[] | undefined): Cluster[] {
  if (!regions) return environment.config.clusters;
  const wanted = new Set(regions);
  return environment.config.clusters.filter((cluster) => wanted.has(cluster.region));
}

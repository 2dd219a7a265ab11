/** Resolves platform.yaml (or the default platform) into a ResolvedPlatform. */
import type { Environment, Platform } from '../config/types.generated.ts';
import { resolvePodSecurity } from './pod-security-settings.ts';
import { resolveScheduling } from './scheduling-settings.ts';
import { resolveRuntimeMetrics } from './serving-runtimes.ts';
import type { EnvironmentTier, OwnerAccessLevel, ResolvedCluster, ResolvedEnvironment, ResolvedPlatform, ResolvedResources } from './resolved-org.ts';
import { EMPTY_RECORD } from '../support/own.ts';

/** The tier an environment has when it declares none, guessed from its name. */
export function defaultTier(name: string): EnvironmentTier {
  if (/^prod/.test(name)) return 'production';
  if (/^(stag|stg)/.test(name)) return 'staging';
  return 'development';
}

/** Image of drift checks when neither the monitor nor the platform names one. */
export const DEFAULT_DRIFT_CHECK_IMAGE = 'ghcr.io/cirruslabs/mlops-drift-check:0.1.0';

/** How far back drift checks read logged predictions when neither the platform nor the monitor says. */
export const DEFAULT_PREDICTION_WINDOW = '24h';

/**
 * Default `monitoring.selectorLabels`: kube-prometheus-stack (release `kube-prometheus-stack`) sets its
 * Prometheus' `podMonitorSelector`, `serviceMonitorSelector` and `ruleSelector` to `release: <release name>`.
 */
export const DEFAULT_PROMETHEUS_SELECTOR_LABELS: Readonly<Record<string, string>> = Object.freeze({ release: 'kube-prometheus-stack' });
/** The Prometheus KEDA queries unless platform.yaml names one: prometheus-operator's `prometheus-operated` Service in `monitoring`. */
export const DEFAULT_PROMETHEUS_SERVER_ADDRESS = 'http://prometheus-operated.monitoring.svc:9090';

/** The default in-cluster API server. */
export const IN_CLUSTER_SERVER = 'https://kubernetes.default.svc';

/** Owner access in an environment that declares none: read-only in production, more the further from it. */
export function defaultAccess(tier: EnvironmentTier): OwnerAccessLevel {
  return tier === 'production' ? 'read' : tier === 'staging' ? 'operate' : 'develop';
}

/**
 * Names of the clusters Argo CD reaches as `https://kubernetes.default.svc`: those declared `inCluster`,
 * else the one cluster without a `server` when it is the only one (validation's ML344 refuses two).
 */
export function inClusterNames(config: Platform): Set<string> {
  const clusters = Object.values(config.environments).flatMap((environment) => environment.clusters);
  const flagged = clusters.filter((cluster) => cluster.inCluster === true).map((cluster) => cluster.name);
  if (flagged.length > 0) return new Set(flagged);
  const serverless = new Set(clusters.filter((cluster) => cluster.server === undefined).map((cluster) => cluster.name));
  return serverless.size === 1 ? serverless : new Set();
}

function resolveEnvironment(name: string, environment: Environment, file: string, inCluster: ReadonlySet<string>): ResolvedEnvironment {
  const path = ['environments', name];
  const tier = environment.tier ?? defaultTier(name);
  const clusters: ResolvedCluster[] = environment.clusters.map((cluster, index) => ({
    name: cluster.name,
    region: cluster.region,
    environment: name,
    server: cluster.server ?? IN_CLUSTER_SERVER,
    inCluster: inCluster.has(cluster.name) || cluster.server === IN_CLUSTER_SERVER,
    edge: cluster.edge ?? false,
    nodeSelector: cluster.nodeSelector ?? EMPTY_RECORD,
    tolerations: cluster.tolerations ?? [],
    source: { file, path: [...path, 'clusters', index] },
  }));
  return {
    name,
    tier,
    clusters,
    approvals: environment.approvals ?? 0,
    access: environment.access ?? defaultAccess(tier),
    ...(environment.promotion ? { promotion: { from: environment.promotion.from, ...(environment.promotion.soak ? { soak: environment.promotion.soak } : {}) } } : {}),
    source: { file, path },
  };
}

/** Resolves a validated platform config. `file` is undefined for the default platform. */
export function resolvePlatform(config: Platform, file: string | undefined): ResolvedPlatform {
  const sourceFile = file ?? 'platform.yaml';
  const inCluster = inClusterNames(config);
  return {
    name: config.metadata.name,
    owners: config.metadata.owners,
    phase: (config.rollout?.phase ?? 1) as 1 | 2 | 3 | 4,
    environments: Object.entries(config.environments).map(([name, environment]) => resolveEnvironment(name, environment, sourceFile, inCluster)),
    serving: {
      defaultBackend: config.serving?.default ?? 'kserve',
      kserveDeploymentMode: config.serving?.kserve?.deploymentMode ?? 'Knative',
      images: config.serving?.images ?? EMPTY_RECORD,
      runtimes: resolveRuntimeMetrics(config.serving?.runtimes),
    },
    allowedRegistries: config.images?.allowedRegistries ?? [],
    monitoring: {
      driftCheckImage: config.monitoring?.driftCheckImage ?? DEFAULT_DRIFT_CHECK_IMAGE,
      pushgateway: {
        namespace: config.monitoring?.pushgateway?.namespace ?? 'monitoring',
        service: config.monitoring?.pushgateway?.service ?? 'prometheus-pushgateway',
        port: config.monitoring?.pushgateway?.port ?? 9091,
      },
      selectorLabels: config.monitoring?.selectorLabels ?? DEFAULT_PROMETHEUS_SELECTOR_LABELS,
      ...(config.monitoring?.predictionLogs ? { predictionLogs: { ...config.monitoring.predictionLogs, window: config.monitoring.predictionLogs.window ?? DEFAULT_PREDICTION_WINDOW } } : {}),
    },
    autoscaling: {
      customMetrics: config.autoscaling?.customMetrics ?? 'keda',
      prometheusServerAddress: config.autoscaling?.prometheus?.serverAddress ?? DEFAULT_PROMETHEUS_SERVER_ADDRESS,
    },
    quotas: { ...(config.quotas?.perTeam ? { perTeam: config.quotas.perTeam } : {}), teams: config.quotas?.teams ?? EMPTY_RECORD },
    gitops: {
      deployRepo: config.gitops?.deployRepo ?? 'local/mlops-deploy',
      repoURL: config.gitops?.repoURL ?? `https://github.com/${config.gitops?.deployRepo ?? 'local/mlops-deploy'}.git`,
      branch: config.gitops?.branch ?? 'main',
      argocdNamespace: config.gitops?.argocdNamespace ?? 'argocd',
    },
    policies: config.policies ?? EMPTY_RECORD,
    podSecurity: resolvePodSecurity(config),
    scheduling: resolveScheduling(config),
    access: { oidcGroupsPrefix: config.access?.oidcGroupsPrefix ?? '', oidcUsernamePrefix: config.access?.oidcUsernamePrefix ?? '' },
    ...(file ? { file } : {}),
    config,
  };
}

/** Default requests per replica or step when none are declared. */
export const DEFAULT_RESOURCES: ResolvedResources = { cpu: '500m', memory: '1Gi', gpu: 0, limits: { cpu: '500m', memory: '1Gi' } };

/** Applies defaults to declared resources: limits equal requests unless given. */
export function resolveResources(resources: { cpu?: string | number; memory?: string | number; gpu?: number; limits?: { cpu?: string | number; memory?: string | number } } | undefined): ResolvedResources {
  const cpu = String(resources?.cpu ?? DEFAULT_RESOURCES.cpu);
  const memory = String(resources?.memory ?? DEFAULT_RESOURCES.memory);
  return {
    cpu,
    memory,
    gpu: resources?.gpu ?? 0,
    limits: { cpu: String(resources?.limits?.cpu ?? cpu), memory: String(resources?.limits?.memory ?? memory) },
  };
}

/**
 * The resolved organisation: config with defaults applied, platform settings inherited by teams,
 * references turned into names that are known to exist, and each deployment expanded into one
 * placement per environment × cluster. Emit, policy and plan read only this.
 */
import type { DataPath, ParsedFile } from '../load/parsed-file.ts';
import type { ResolvedPodSecurity } from './pod-security-settings.ts';
import type { ResolvedScheduling } from './scheduling-settings.ts';
import type { ResolvedRuntimeMetrics } from './serving-runtimes.ts';
import type { CustomRule, Model, ModelVersion, OrgPolicies, Platform, Quota, Team, TeamPolicies, DriftInputs } from '../config/types.generated.ts';

/** Where a resolved object was declared: a file and a data path inside it. */
export interface SourceRef {
  readonly file: string;
  readonly path: DataPath;
}

/** What an environment is for. */
export type EnvironmentTier = 'development' | 'staging' | 'production';

/** Serving backend. */
export type ServingBackend = 'kserve' | 'deployment';

/** A node taint toleration. */
export interface Toleration {
  readonly key: string;
  readonly value?: string;
  readonly effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** A cluster of an environment. */
export interface ResolvedCluster {
  readonly name: string;
  readonly region: string;
  readonly environment: string;
  /** API server URL for Argo CD and cross-cluster retraining (`https://kubernetes.default.svc` when in-cluster). */
  readonly server: string;
  /** Argo CD's own cluster (declared `inCluster: true`, or the only cluster without a `server`). */
  readonly inCluster: boolean;
  readonly edge: boolean;
  readonly nodeSelector: Readonly<Record<string, string>>;
  readonly tolerations: readonly Toleration[];
  readonly source: SourceRef;
}

/** What team owners may do in a namespace: read it, also run pipelines (operate), also exec into pods (develop). */
export type OwnerAccessLevel = 'read' | 'operate' | 'develop';

/** An environment with its defaults applied. */
export interface ResolvedEnvironment {
  readonly name: string;
  readonly tier: EnvironmentTier;
  readonly clusters: readonly ResolvedCluster[];
  /** Approvals a change needs (0 when not set). */
  readonly approvals: number;
  /** What team owners may do in their namespace here (declared, else by tier). */
  readonly access: OwnerAccessLevel;
  readonly promotion?: { readonly from: string; readonly soak?: string };
  readonly source: SourceRef;
}

/** Requests and limits with defaults applied; quantities as strings. */
export interface ResolvedResources {
  readonly cpu: string;
  readonly memory: string;
  readonly gpu: number;
  readonly limits: { readonly cpu: string; readonly memory: string };
}

/** Org-wide monitoring settings with defaults applied. */
export interface ResolvedPlatformMonitoring {
  /** Image of drift checks whose monitor names none. */
  readonly driftCheckImage: string;
  readonly pushgateway: { readonly namespace: string; readonly service: string; readonly port: number };
  /** Labels for Prometheus' ServiceMonitor and rule selectors. */
  readonly selectorLabels: Readonly<Record<string, string>>;
  /** Where KServe predictors log predictions and drift checks read them (platform.yaml `monitoring.predictionLogs`). */
  readonly predictionLogs?: { readonly sink: string; readonly uri: string; readonly window: string };
}

/**
 * How `rps`/`concurrency` autoscaling gets its metric (platform.yaml `autoscaling`): KEDA ScaledObjects
 * querying `prometheusServerAddress`, or HPAs on prometheus-adapter's custom metrics.
 */
export interface ResolvedPlatformAutoscaling {
  readonly customMetrics: 'keda' | 'prometheus-adapter';
  readonly prometheusServerAddress: string;
}

/** The platform with defaults applied. */
export interface ResolvedPlatform {
  readonly name: string;
  readonly owners: readonly string[];
  readonly phase: 1 | 2 | 3 | 4;
  /** In declaration order. */
  readonly environments: readonly ResolvedEnvironment[];
  readonly serving: {
    readonly defaultBackend: ServingBackend;
    readonly kserveDeploymentMode: 'Knative' | 'Standard';
    readonly images: Readonly<Record<string, string>>;
    /** Metrics per serving runtime: KServe's built-in runtimes with platform.yaml `serving.runtimes` over them. */
    readonly runtimes: Readonly<Record<string, ResolvedRuntimeMetrics>>;
  };
  readonly allowedRegistries: readonly string[];
  readonly monitoring: ResolvedPlatformMonitoring;
  readonly autoscaling: ResolvedPlatformAutoscaling;
  readonly quotas: { readonly perTeam?: Quota; readonly teams: Readonly<Record<string, Quota>> };
  readonly gitops: { readonly deployRepo: string; readonly repoURL: string; readonly branch: string; readonly argocdNamespace: string };
  readonly policies: OrgPolicies;
  /** platform.yaml `podSecurity` with defaults (namespace levels, platform bootstrap). */
  readonly podSecurity: ResolvedPodSecurity;
  /** platform.yaml `scheduling` with defaults. */
  readonly scheduling: ResolvedScheduling;
  /** Prefixes the API server puts on OIDC users and groups (platform.yaml `access`). */
  readonly access: { readonly oidcGroupsPrefix: string; readonly oidcUsernamePrefix: string };
  /** `platform.yaml`, or undefined when the default platform is used. */
  readonly file?: string;
  readonly config: Platform;
}

/** A model version. */
export interface ResolvedModelVersion {
  readonly model: string;
  readonly version: string;
  readonly config: ModelVersion;
  readonly source: SourceRef;
}

/** A model with its versions (sorted by version string). */
export interface ResolvedModel {
  readonly name: string;
  readonly team: string;
  readonly framework: Model['framework'];
  readonly riskTier: 'low' | 'medium' | 'high';
  readonly runtime?: string;
  readonly versions: readonly ResolvedModelVersion[];
  readonly config: Model;
  readonly source: SourceRef;
}

/** A model version served by a placement. */
export interface ServedVersion {
  readonly model: string;
  readonly version: string;
}

/** One deployment in one environment on one cluster. */
export interface ResolvedPlacement {
  readonly team: string;
  readonly deployment: string;
  readonly environment: string;
  readonly tier: EnvironmentTier;
  readonly cluster: ResolvedCluster;
  /** `<team>-<environment>`. */
  readonly namespace: string;
  /** Backend after edge clusters force `deployment`. */
  readonly backend: ServingBackend;
  readonly stable: ServedVersion;
  readonly canary?: ServedVersion & { readonly traffic: number };
  readonly abTest?: { readonly strategy: 'fixed' | 'bandit'; readonly variants: readonly (ServedVersion & { readonly name: string; readonly traffic: number })[] };
  readonly replicas: { readonly min: number; readonly max: number };
  readonly autoscaling: { readonly metric: 'cpu' | 'memory' | 'concurrency' | 'rps'; readonly target: number };
  readonly resources: ResolvedResources;
  /** The `environments.<env>` entry of the deployment. */
  readonly source: SourceRef;
}

/** A deployment and its placements (sorted by environment order, then cluster). */
export interface ResolvedDeployment {
  readonly name: string;
  readonly team: string;
  readonly model: string;
  readonly backend: ServingBackend;
  /** Model-server image for the `deployment` backend. */
  readonly image?: string;
  readonly port: number;
  /** Metric name → comparison, e.g. `auc` → `>= 0.93`. */
  readonly metricRequirements: Readonly<Record<string, string>>;
  readonly additionalModels: readonly (ServedVersion & { readonly memory?: string })[];
  readonly explainer?: 'shap' | 'lime' | 'anchors';
  readonly placements: readonly ResolvedPlacement[];
  readonly source: SourceRef;
}

/** One pipeline step with defaults applied. */
export interface ResolvedStep {
  readonly name: string;
  readonly image: string;
  readonly command: readonly string[];
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly secretRef?: string;
  readonly dependsOn: readonly string[];
  readonly resources: ResolvedResources;
  /** Argo retries after an error (`retryStrategy.limit`). */
  readonly retries: number;
  /** Longest the step's pod may run (`activeDeadlineSeconds`). */
  readonly timeoutSeconds: number;
  readonly source: SourceRef;
}

/** A pipeline; it runs on the first cluster of its environment. */
export interface ResolvedPipeline {
  readonly name: string;
  readonly team: string;
  readonly environment: string;
  readonly cluster: ResolvedCluster;
  readonly namespace: string;
  readonly schedule?: string;
  readonly timezone: string;
  readonly produces?: string;
  readonly retrain?: { readonly on: 'drift' | 'schedule'; readonly deployment?: string };
  readonly hyperparameterSearch?: { readonly algorithm: 'grid' | 'random' | 'bayesian'; readonly maxTrials: number; readonly parameters: Readonly<Record<string, readonly (string | number)[]>> };
  readonly steps: readonly ResolvedStep[];
  readonly source: SourceRef;
}

/** Monitoring of one deployment. */
export interface ResolvedMonitor {
  readonly deployment: string;
  readonly team: string;
  readonly slo?: { readonly latencyP99Ms?: number; readonly errorRatePercent?: number; readonly availabilityPercent?: number };
  readonly drift?: { readonly method: string; readonly threshold: number; readonly features: readonly string[]; readonly schedule: string; readonly baseline?: string; readonly image?: string; readonly inputs?: DriftInputs };
  readonly source: SourceRef;
}

/** A team with everything it declares. Lists are sorted by name. */
export interface ResolvedTeam {
  readonly name: string;
  readonly file: string;
  readonly owners: readonly string[];
  readonly groups: readonly string[];
  readonly costCenter?: string;
  readonly models: readonly ResolvedModel[];
  readonly deployments: readonly ResolvedDeployment[];
  readonly pipelines: readonly ResolvedPipeline[];
  readonly monitors: readonly ResolvedMonitor[];
  readonly policies: TeamPolicies;
  readonly rules: readonly CustomRule[];
  readonly config: Team;
}

/** The whole organisation. Teams are sorted by name. */
export interface ResolvedOrg {
  readonly platform: ResolvedPlatform;
  readonly teams: readonly ResolvedTeam[];
  /** Every non-config path of the repo (for rules that check files exist, e.g. model cards). */
  readonly otherPaths: ReadonlySet<string>;
  /** The parsed config files by path, to turn a SourceRef into a line (see `locateSource`). */
  readonly files: ReadonlyMap<string, ParsedFile>;
}

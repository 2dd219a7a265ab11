/* Generated from schemas/*.schema.json by scripts/generate-types.ts; do not edit. */

/**
 * Who owns this file; their review is required for changes to it.
 *
 * @minItems 1
 *
 * Items: A GitHub user (`@alice`) or team (`@acme/fraud-ml`), or an SSO group name (`sso:fraud-ml`).
 */
export type Owners = string[];

/**
 * The config files of a repo.
 */
export interface ConfigFiles {
  platform?: Platform;
  team?: Team;
}
/**
 * The organisation's platform: environments and clusters, rollout phase, serving defaults, image rules, quotas, GitOps target and org policies. One `platform.yaml` at the root of the config repo, owned by the platform team.
 */
export interface Platform {
  /**
   * Version of the Cirrus MLOps config format.
   */
  apiVersion: 'mlops.cirruslabs.io/v1alpha1';
  /**
   * Always `Platform` in platform.yaml.
   */
  kind: 'Platform';
  metadata: PlatformMetadata;
  rollout?: Rollout;
  /**
   * Environments by name (e.g. `dev`, `staging`, `prod`).
   */
  environments: {
    [k: string]: Environment;
  };
  serving?: Serving;
  images?: ImageRules;
  quotas?: Quotas;
  monitoring?: PlatformMonitoring;
  network?: PlatformNetwork;
  autoscaling?: PlatformAutoscaling;
  identity?: WorkloadIdentity;
  gitops?: GitOps;
  podSecurity?: PodSecurity;
  scheduling?: Scheduling;
  access?: Access;
  policies?: OrgPolicies;
}
/**
 * Who the platform belongs to.
 */
export interface PlatformMetadata {
  /**
   * Organisation name (a DNS label).
   */
  name: string;
  owners: Owners;
  /**
   * Free text.
   */
  description?: string;
}
/**
 * The organisation's adoption phase (capabilities above it are rejected), the success criteria that say when a phase is done, figures entered by hand, and waivers of criteria.
 */
export interface Rollout {
  /**
   * 1 foundation & pilot, 2 limited production, 3 enterprise, 4 optimisation.
   */
  phase: number;
  successCriteria?: SuccessCriteria;
  /**
   * How many teams the organisation has, when more than the config declares (the denominator of platform adoption; default: the teams in the config repo).
   */
  teamsInOrg?: number;
  /**
   * Figures that cannot be measured from git or Prometheus (user satisfaction, cost), entered by hand and shown as such.
   */
  manualMetrics?: ManualMetric[];
  /**
   * Waivers of named success criteria by the platform owners: the phase gate treats a waived criterion as met until the waiver expires.
   */
  criteriaWaivers?: CriterionWaiver[];
}
/**
 * Targets per phase that must be met (or waived) before `rollout.phase` may be raised past that phase. Each phase defaults to the rollout plan's table (see docs/rollout-dashboard.md).
 */
export interface SuccessCriteria {
  phase1?: PhaseTargets;
  phase2?: PhaseTargets;
  phase3?: PhaseTargets;
  phase4?: PhaseTargets;
}
/**
 * Targets of one phase by criterion; a criterion listed here replaces the default target, and `false` drops it from the phase.
 */
export interface PhaseTargets {
  /**
   * Model deployment success: deploys synced healthy / deploys attempted, in percent (met above the target).
   */
  deploymentSuccess?: number | false;
  /**
   * Time to deploy a model: median hours from PR opened to synced healthy (met below the target).
   */
  timeToDeploy?: number | false;
  /**
   * System uptime: percent of Prometheus `up` samples of the serving targets that are 1 (met above the target).
   */
  availability?: number | false;
  /**
   * Deployment frequency: deploys per week over the last 4 weeks as a multiple of the first 4 weeks (met above the target).
   */
  deploymentFrequency?: number | false;
  /**
   * Model accuracy improvement: mean relative improvement, in percent, of the primary registry metric of the versions serving in production, first to latest (met at or above the target).
   */
  accuracyImprovement?: number | false;
  /**
   * Platform adoption: percent of the org's teams with config and a production deployment (met above the target).
   */
  platformAdoption?: number | false;
  /**
   * Time to market: percent change of the median time from a model's first deploy to its first production deploy, recent models against the first ones (met at or below the target, e.g. -40).
   */
  timeToMarket?: number | false;
  /**
   * Compliance score: percent of production changes with the required non-author approvals and policies passed or validly waived (met at or above the target).
   */
  complianceScore?: number | false;
}
export interface ManualMetric {
  /**
   * What it measures, e.g. `User satisfaction`.
   */
  name: string;
  /**
   * The figure.
   */
  value: number;
  /**
   * Unit shown after the value, e.g. `/5`, `%`, `EUR/month`.
   */
  unit?: string;
  /**
   * The target as text, e.g. `>= 4/5`; shown, not evaluated.
   */
  target?: string;
  /**
   * Where it comes from, e.g. `Q4 user survey (n=42)` or `finance, November invoice`.
   */
  source: string;
  /**
   * A GitHub user (`@alice`) or team (`@acme/fraud-ml`), or an SSO group name (`sso:fraud-ml`).
   */
  enteredBy: string;
  /**
   * When it was measured (`YYYY-MM-DD`).
   */
  date: string;
}
export interface CriterionWaiver {
  /**
   * The criterion waived.
   */
  criterion:
    | 'deploymentSuccess'
    | 'timeToDeploy'
    | 'availability'
    | 'deploymentFrequency'
    | 'accuracyImprovement'
    | 'platformAdoption'
    | 'timeToMarket'
    | 'complianceScore';
  /**
   * The phase whose criterion is waived.
   */
  phase: number;
  /**
   * Why raising the phase without it is acceptable.
   */
  justification: string;
  /**
   * Tracking ticket, e.g. `PLAT-42`.
   */
  ticket: string;
  /**
   * A GitHub user (`@alice`) or team (`@acme/fraud-ml`), or an SSO group name (`sso:fraud-ml`).
   */
  approvedBy: string;
  /**
   * Last day it applies (`YYYY-MM-DD`), at most `policies.maxWaiverDays` away.
   */
  expires: string;
}
/**
 * An environment and the clusters it runs on.
 */
export interface Environment {
  /**
   * What the environment is for; default guessed from its name (`prod*` production, `stag*`/`stg*` staging, otherwise development).
   */
  tier?: 'development' | 'staging' | 'production';
  /**
   * Clusters of this environment.
   *
   * @minItems 1
   */
  clusters: Cluster[];
  /**
   * What team owners may do in their namespace of this environment: `read` (get/list/watch workloads, logs, events), `operate` (also run, stop and delete pipeline runs, delete pods), `develop` (also exec into and port-forward to pods). Default by tier: production `read`, staging `operate`, development `develop`.
   */
  access?: 'read' | 'operate' | 'develop';
  /**
   * Approvals a change to this environment needs (besides the author).
   */
  approvals?: number;
  /**
   * Where versions must come from before they reach this environment.
   */
  promotion?: {
    /**
     * Environment a version must be deployed to first.
     */
    from: string;
    /**
     * How long it must run there first.
     */
    soak?: string;
  };
}
/**
 * A Kubernetes cluster.
 */
export interface Cluster {
  /**
   * Cluster name (a DNS label); output goes to `clusters/<name>/`.
   */
  name: string;
  /**
   * Cloud region, e.g. `eu-west-1`.
   */
  region: string;
  /**
   * API server URL Argo CD (and cross-cluster retraining) reaches this cluster at. Required unless `inCluster` is true, or the cluster is the only one without it (then it is Argo CD's own cluster, `https://kubernetes.default.svc`).
   */
  server?: string;
  /**
   * The cluster Argo CD itself runs on: it deploys there through `https://kubernetes.default.svc`. At most one cluster may be in-cluster.
   */
  inCluster?: boolean;
  /**
   * An edge cluster: serving uses plain Deployments pinned by node selector and tolerations.
   */
  edge?: boolean;
  /**
   * Node labels serving pods must run on (edge clusters).
   */
  nodeSelector?: {
    [k: string]: string;
  };
  /**
   * Taints serving pods tolerate (edge clusters).
   */
  tolerations?: {
    /**
     * Taint key.
     */
    key: string;
    /**
     * Taint value.
     */
    value?: string;
    /**
     * Taint effect.
     */
    effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  }[];
}
/**
 * Serving defaults for every deployment.
 */
export interface Serving {
  /**
   * Serving backend used when a deployment names none.
   */
  default?: 'kserve' | 'deployment';
  /**
   * KServe settings.
   */
  kserve?: {
    /**
     * KServe deployment mode (`Knative` serverless or `Standard` raw Deployments).
     */
    deploymentMode?: 'Knative' | 'Standard';
  };
  /**
   * Model-server image per framework. The `deployment` backend runs it as the default image; on KServe, a model of that framework with no `runtime` is served by a namespaced ServingRuntime `mlops-<framework>` running this image with the arguments, model formats and protocols of KServe's built-in runtime for the framework, so the image must be a drop-in for KServe's (docs/platform-prerequisites.md#serving-runtimes).
   */
  images?: {
    [k: string]: string;
  };
  /**
   * Serving runtimes by name, with the Prometheus metrics their model server exports, which the monitoring scrape and SLO alerts use. A KServe deployment runs the model's `runtime`, else `mlops-<framework>` when `serving.images.<framework>` is set (its metrics: the entry `mlops-<framework>`, else `<framework>`, else KServe's runtime's), else KServe's built-in runtime for its framework (`kserve-sklearnserver`, `kserve-xgbserver`, `kserve-lgbserver`, `kserve-huggingfaceserver`, `kserve-torchserve`, `kserve-tensorflow-serving`, `kserve-tritonserver` for `onnx` and `triton`); a `deployment`-backend deployment runs the model's `runtime`, else the runtime named after its framework (the server of `serving.images.<framework>`). Entries here replace the built-in defaults (docs/monitoring.md lists them).
   */
  runtimes?: {
    [k: string]: ServingRuntime;
  };
}
/**
 * One serving runtime.
 */
export interface ServingRuntime {
  metrics: RuntimeMetrics;
}
/**
 * Where the model server exports Prometheus metrics and which of them measure requests.
 */
export interface RuntimeMetrics {
  /**
   * Container port of the metrics endpoint (default: the deployment's serving port).
   */
  port?: number;
  /**
   * HTTP path of the metrics endpoint.
   */
  path?: string;
  latency?: LatencyHistogram;
  requests?: RequestCounter;
  throughput?: ThroughputCounter;
}
/**
 * A request-latency histogram (without the `_bucket` suffix); `latencyP99Ms` SLOs alert on it. Without it, latency SLOs are not alerted (warning ML507).
 */
export interface LatencyHistogram {
  /**
   * Histogram name, e.g. `request_predict_seconds`.
   */
  histogram: string;
  /**
   * Unit of its buckets.
   */
  unit: 'seconds' | 'milliseconds' | 'microseconds';
}
/**
 * A request counter whose label tells failed requests apart; `errorRatePercent` and `availabilityPercent` SLOs alert on it. Without it, those SLOs are not alerted (warning ML507).
 */
export interface RequestCounter {
  /**
   * Counter name, e.g. `http_requests_total`.
   */
  counter: string;
  /**
   * Label carrying the outcome, e.g. `code`.
   */
  errorLabel: string;
  /**
   * RE2 regular expression matching the label's values of failed requests, e.g. `5..`.
   */
  errorPattern: string;
}
/**
 * A counter of served requests, whatever their outcome, for runtimes without a status-labelled `requests` counter (e.g. TorchServe's `ts_inference_requests_total`): `rps` autoscaling scales on its rate. `rps` autoscaling uses, in this order, this counter, `requests.counter` and the latency histogram's `_count`.
 */
export interface ThroughputCounter {
  /**
   * Counter name, e.g. `ts_inference_requests_total`.
   */
  counter: string;
}
/**
 * Rules for container images.
 */
export interface ImageRules {
  /**
   * Image reference prefixes images must start with, e.g. `ghcr.io/acme/`.
   */
  allowedRegistries?: string[];
}
/**
 * Resource quotas per team and environment namespace.
 */
export interface Quotas {
  perTeam?: Quota;
  /**
   * Overrides by team name.
   */
  teams?: {
    [k: string]: Quota;
  };
}
/**
 * Limits on what one team may request in one environment namespace (`perTeam` applies to every team unless `teams` overrides it).
 */
export interface Quota {
  /**
   * Total CPU requests.
   */
  cpu?: string | number;
  /**
   * Total memory requests.
   */
  memory?: string | number;
  /**
   * Total GPUs.
   */
  gpu?: number;
  /**
   * Maximum number of pods.
   */
  pods?: number;
}
/**
 * Org-wide monitoring settings: where drift checks push scores and how Prometheus finds the rules.
 */
export interface PlatformMonitoring {
  /**
   * Image of the drift-check jobs when a monitor names none (default `ghcr.io/cirruslabs/mlops-drift-check:0.1.0`); like every image, it must come from an allowed registry unless it is the default.
   */
  driftCheckImage?: string;
  /**
   * The Prometheus Pushgateway drift checks push `mlops_drift_score` to.
   */
  pushgateway?: {
    /**
     * Its namespace.
     */
    namespace?: string;
    /**
     * Its Service name.
     */
    service?: string;
    /**
     * Its port.
     */
    port?: number;
  };
  /**
   * Labels added to every PodMonitor and PrometheusRule so the platform Prometheus' `podMonitorSelector` and `ruleSelector` (prometheus-operator) pick them up. The default matches kube-prometheus-stack installed as release `kube-prometheus-stack`, whose selectors are `release: <release name>`; `{}` adds none (for a Prometheus selecting every monitor and rule).
   */
  selectorLabels?: {
    [k: string]: string;
  };
  predictionLogs?: PredictionLogs;
}
/**
 * Where KServe deployments log their predictions for drift checks: every KServe predictor with drift monitoring gets `logger: { mode: request, url: <sink>/<namespace>/<deployment> }`, and its drift check reads `<uri>/<namespace>/<deployment>`. Without it, each drift check must declare `drift.inputs` (ML334).
 */
export interface PredictionLogs {
  /**
   * Base URL of the service receiving KServe's payload-logger CloudEvents, e.g. `http://prediction-log-sink.monitoring.svc`; it stores them as JSON Lines under `uri`.
   */
  sink: string;
  /**
   * Base `http(s)://` URL where drift checks read the stored events: a GET of `<uri>/<namespace>/<deployment>` must answer that deployment's events as JSON Lines.
   */
  uri: string;
  /**
   * How far back each check reads events.
   */
  window?: string;
}
/**
 * Where team workloads may connect. Every team namespace denies all traffic by default and allows DNS; each workload kind gets egress only to the destinations listed for it under `egress` (plus what the compiler derives: the Pushgateway and prediction-log sources for drift checks, the prediction-log sink for KServe predictors). See docs/platform-prerequisites.md#network.
 */
export interface PlatformNetwork {
  /**
   * Named destinations workloads may reach: outside the cluster by `cidrs` (an `ipBlock` per CIDR, minus `except`), inside it by `namespace` (and optionally `podLabels`). E.g. `object-storage: { cidrs: ["52.218.0.0/17"], ports: [443] }`.
   */
  destinations?: {
    [k: string]: NetworkDestination;
  };
  egress?: NetworkEgress;
  prometheus?: PrometheusPeer;
}
export interface NetworkDestination {
  /**
   * IPv4 or IPv6 CIDRs (`10.0.0.0/8`), for destinations outside the cluster (object stores, API servers, registries).
   *
   * @minItems 1
   */
  cidrs?: string[];
  /**
   * CIDRs inside `cidrs` that stay denied.
   */
  except?: string[];
  /**
   * Namespace of an in-cluster destination (matched by its `kubernetes.io/metadata.name` label).
   */
  namespace?: string;
  /**
   * Labels of the destination's pods in `namespace` (default: every pod of the namespace).
   */
  podLabels?: {
    [k: string]: string;
  };
  /**
   * TCP ports.
   *
   * @minItems 1
   */
  ports: number[];
}
/**
 * Which destinations each workload kind may reach (names of `destinations`).
 */
export interface NetworkEgress {
  /**
   * Model servers, KServe's storage-initializer included (model artifacts).
   */
  serving?: string[];
  /**
   * Pipeline pods, Argo's init/wait containers included (they call the Kubernetes API to report results).
   */
  pipelines?: string[];
  /**
   * Drift checks (baselines, logged predictions outside the cluster, the Kubernetes API that retraining runs are submitted to).
   */
  driftChecks?: string[];
}
/**
 * The Prometheus that scrapes model servers: scraped pods accept connections from it on their metrics port.
 */
export interface PrometheusPeer {
  /**
   * Its namespace.
   */
  namespace?: string;
  /**
   * Labels of its pods (default: every pod of the namespace), e.g. `app.kubernetes.io/name: prometheus`.
   */
  podLabels?: {
    [k: string]: string;
  };
}
/**
 * How deployments that scale on `rps` or `concurrency` get their metric where no serving controller provides it (the `deployment` backend; KServe in Standard mode). `cpu`/`memory` scaling always uses a plain HorizontalPodAutoscaler. docs/platform-prerequisites.md#autoscaling lists what each choice needs on the cluster.
 */
export interface PlatformAutoscaling {
  /**
   * `keda`: a KEDA `ScaledObject` with a Prometheus trigger instead of a HorizontalPodAutoscaler (KServe Standard mode: `serving.kserve.io/autoscalerClass: keda`, so KServe creates it). `prometheus-adapter`: a HorizontalPodAutoscaler on a `Pods` metric served by prometheus-adapter with the rules in docs/platform-prerequisites.md; KServe Standard mode cannot use it (ML333).
   */
  customMetrics?: 'keda' | 'prometheus-adapter';
  /**
   * The Prometheus server KEDA queries.
   */
  prometheus?: {
    /**
     * Base URL of the Prometheus HTTP API, reachable from the KEDA operator.
     */
    serverAddress?: string;
  };
}
/**
 * How team workloads (model servers and KServe's storage-initializer, pipeline steps, drift checks) get credentials for object storage: annotations on their ServiceAccounts (cloud workload identity) or a credentials Secret the ServiceAccounts reference. Values may use `{team}`, `{environment}`, `{cluster}`, `{namespace}`. See docs/platform-prerequisites.md#workload-identity.
 */
export interface WorkloadIdentity {
  /**
   * Annotations on every workload ServiceAccount, e.g. `eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/mlops-{team}-{environment}` or `iam.gke.io/gcp-service-account: mlops-{team}@acme.iam.gserviceaccount.com`.
   */
  serviceAccountAnnotations?: {
    [k: string]: string;
  };
  /**
   * Name of a Secret in each team namespace holding storage credentials (KServe's keys, e.g. `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`): listed in the ServiceAccounts' `secrets` (KServe's storage-initializer reads it from there) and given to drift checks and pipeline steps as environment variables.
   */
  secret?: string;
}
/**
 * Where rendered manifests go and how Argo CD syncs them.
 */
export interface GitOps {
  /**
   * GitHub `owner/name` of the deploy repo.
   */
  deployRepo: string;
  /**
   * Clone URL Argo CD uses (default `https://github.com/<deployRepo>.git`).
   */
  repoURL?: string;
  /**
   * Branch of the deploy repo.
   */
  branch?: string;
  /**
   * Namespace Argo CD runs in.
   */
  argocdNamespace?: string;
}
/**
 * Pod Security admission of the team namespaces, and what each cluster's platform bootstrap (`clusters/<cluster>/platform/`) sets so the containers KServe and Argo Workflows inject pass it (docs/platform-prerequisites.md#pod-security).
 */
export interface PodSecurity {
  /**
   * Pod Security Standard team namespaces enforce. `warn` and `audit` are always `restricted`. `baseline` admits pods whose injected containers the platform cannot make restricted.
   */
  enforce?: 'restricted' | 'baseline';
  /**
   * Image of the `cirrus-mlops-restricted` ClusterStorageContainer the bootstrap emits (KServe's model downloader, run with a restricted securityContext); mirror it into an allowed registry.
   */
  storageInitializerImage?: string;
  /**
   * `emit`: the bootstrap carries Argo Workflows' `workflow-controller-configmap` with a restricted `executor.securityContext` for the init/wait containers; `external`: the platform's own Argo install sets it (the docs give the setting).
   */
  argoExecutor?: 'emit' | 'external';
  /**
   * Namespace of Argo Workflows' controller, where its ConfigMap lives.
   */
  argoNamespace?: string;
}
/**
 * Where pods of particular kinds run.
 */
export interface Scheduling {
  /**
   * Node selector and tolerations of pipeline steps that request GPUs (default: tolerate the `nvidia.com/gpu` NoSchedule taint).
   */
  gpu?: {
    /**
     * Node labels GPU steps must run on, e.g. `nvidia.com/gpu.present: "true"`.
     */
    nodeSelector?: {
      [k: string]: string;
    };
    /**
     * Taints GPU steps tolerate; a toleration without `value` tolerates any value.
     */
    tolerations?: {
      /**
       * Taint key.
       */
      key: string;
      /**
       * Taint value.
       */
      value?: string;
      /**
       * Taint effect.
       */
      effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
    }[];
  };
}
/**
 * How people reach the team namespaces: the prefixes the Kubernetes API server puts on the users and groups of its OIDC identity provider, so RoleBindings name the subjects the API server actually sees.
 */
export interface Access {
  /**
   * The API server's `--oidc-groups-prefix` (or `claimMappings.groups.prefix` of its AuthenticationConfiguration), put before every group a RoleBinding names: GitHub teams (`@acme/fraud-ml` → `<prefix>acme:fraud-ml`) and SSO groups (`sso:fraud-ml` → `<prefix>fraud-ml`). Default empty, the API server's own default.
   */
  oidcGroupsPrefix?: string;
  /**
   * The API server's `--oidc-username-prefix` (or `claimMappings.username.prefix`), put before every user a RoleBinding names (`@alice` → `<prefix>alice`). Default empty; set it to what the API server prepends (e.g. `oidc:`).
   */
  oidcUsernamePrefix?: string;
}
/**
 * Organisation policy: custom rules, modes of built-in rules, limits and waiver rules.
 */
export interface OrgPolicies {
  /**
   * Custom CEL rules applying to every team.
   */
  rules?: CustomRule[];
  /**
   * Mode per rule id, overriding the built-in default.
   */
  modes?: {
    /**
     * A mode for every environment, or a mode per environment with `default` for the others.
     */
    [k: string]:
      | 'enforce'
      | 'warn'
      | 'audit'
      | 'disabled'
      | {
          /**
           * How a rule's findings count: `enforce` blocks (error), `warn` reports a warning, `audit` records an info finding, `disabled` turns the rule off.
           */
          [k: string]: 'enforce' | 'warn' | 'audit' | 'disabled';
        };
  };
  /**
   * Rule ids no team may waive.
   */
  nonWaivable?: string[];
  /**
   * Longest a waiver may run from today.
   */
  maxWaiverDays?: number;
  /**
   * Largest canary traffic share (percent) for high-risk models in production.
   */
  maxCanaryTraffic?: number;
}
/**
 * A policy rule written in CEL.
 */
export interface CustomRule {
  /**
   * Rule id: `org/<name>` in platform.yaml, `team/<name>` in a team file.
   */
  id: string;
  /**
   * What the rule protects and why.
   */
  description?: string;
  /**
   * What the rule applies to. Omitted fields match everything.
   */
  match?: {
    /**
     * Config objects (`team`, `model`, `modelVersion`, `deployment` — one per environment —, `pipeline`) or emitted Kubernetes kinds (`Deployment`, `InferenceService`, …). Omitted: every config object kind.
     *
     * @minItems 1
     */
    targets?: string[];
    /**
     * Environments the rule applies to.
     */
    environments?: string[];
    /**
     * Teams the rule applies to (org rules only).
     */
    teams?: string[];
  };
  /**
   * CEL expression that must be true; `object` is the matched object, `environment` and `team` name its context.
   */
  expression: string;
  /**
   * Message shown when the expression is false.
   */
  message: string;
  /**
   * Mode of this rule (default `enforce`).
   */
  mode?:
    | ('enforce' | 'warn' | 'audit' | 'disabled')
    | {
        /**
         * How a rule's findings count: `enforce` blocks (error), `warn` reports a warning, `audit` records an info finding, `disabled` turns the rule off.
         */
        [k: string]: 'enforce' | 'warn' | 'audit' | 'disabled';
      };
  /**
   * Whether teams may waive this rule (default true).
   */
  waivable?: boolean;
}
/**
 * One team's models, deployments, pipelines, monitoring and policies: `teams/<team>/mlops.yaml`, owned by the team.
 */
export interface Team {
  /**
   * Version of the Cirrus MLOps config format.
   */
  apiVersion: 'mlops.cirruslabs.io/v1alpha1';
  /**
   * Always `Team` in a team file.
   */
  kind: 'Team';
  metadata: TeamMetadata;
  /**
   * Models by name.
   */
  models?: {
    [k: string]: Model;
  };
  /**
   * Deployments (served models) by name.
   */
  deployments?: {
    [k: string]: Deployment;
  };
  /**
   * Training pipelines by name.
   */
  pipelines?: {
    [k: string]: Pipeline;
  };
  /**
   * Monitoring by deployment name.
   */
  monitoring?: {
    [k: string]: Monitor;
  };
  policies?: TeamPolicies;
}
/**
 * Who the team is.
 */
export interface TeamMetadata {
  /**
   * Team name (a DNS label); must equal the folder name under `teams/`.
   */
  name: string;
  owners: Owners;
  /**
   * Cost centre charged for the team's resources.
   */
  costCenter?: string;
  /**
   * Free text.
   */
  description?: string;
  /**
   * SSO group names granted access to the team's namespaces (rollout phase 3).
   */
  groups?: string[];
}
/**
 * A model and its versions.
 */
export interface Model {
  /**
   * Framework the model is saved in; selects the serving runtime.
   */
  framework:
    | 'sklearn'
    | 'xgboost'
    | 'lightgbm'
    | 'pytorch'
    | 'tensorflow'
    | 'onnx'
    | 'huggingface'
    | 'triton'
    | 'custom';
  /**
   * Free text.
   */
  description?: string;
  /**
   * Risk of harm from a wrong prediction (drives review and rollout rules).
   */
  riskTier?: 'low' | 'medium' | 'high';
  /**
   * KServe serving runtime name, when not the framework's default.
   */
  runtime?: string;
  /**
   * Versions by version string (e.g. `1.4.0`).
   */
  versions: {
    [k: string]: ModelVersion;
  };
}
/**
 * One trained, immutable model version.
 */
export interface ModelVersion {
  /**
   * Where the model artifact lives (`s3://`, `gs://`, `pvc://`, `oci://`, `hf://`, `https://`, `azureblob://`).
   */
  artifact: string;
  /**
   * Content digest of the artifact, `sha256:<64 hex>`.
   */
  digest?: string;
  /**
   * Lineage: the pipeline run that produced this version.
   */
  trainedBy?: {
    /**
     * Name of a pipeline of this team.
     */
    pipeline: string;
    /**
     * Run id of that pipeline.
     */
    run?: string;
    /**
     * Person who started the run.
     */
    by?: string;
  };
  /**
   * Person who validated this version (must not be its trainer).
   */
  validatedBy?: string;
  /**
   * Lineage: the training data.
   */
  dataset?: {
    /**
     * Where the training data lives.
     */
    uri: string;
    /**
     * Data classification of the training data.
     */
    classification?: 'public' | 'internal' | 'confidential' | 'pii';
  };
  /**
   * Offline evaluation metrics by name, e.g. `auc: 0.94`.
   */
  metrics?: {
    [k: string]: number;
  };
  /**
   * Path of the model card, relative to the team folder.
   */
  modelCard?: string;
  /**
   * When the version was registered (`YYYY-MM-DD`).
   */
  createdAt?: string;
}
/**
 * A served model and where it runs.
 */
export interface Deployment {
  /**
   * Name of a model of this team.
   */
  model: string;
  /**
   * Serving backend (default: the platform's `serving.default`).
   */
  backend?: 'kserve' | 'deployment';
  /**
   * Model-server image for the `deployment` backend (default: the platform's image for the framework).
   */
  image?: string;
  /**
   * Port the model server listens on.
   */
  port?: number;
  /**
   * What a version must meet to be deployed.
   */
  requirements?: {
    /**
     * Metric thresholds by name, e.g. `auc: ">= 0.93"`.
     */
    metrics?: {
      [k: string]: string;
    };
  };
  /**
   * More models served by the same server (multi-model serving, rollout phase 3).
   */
  additionalModels?: AdditionalModel[];
  /**
   * Attach an explainer (rollout phase 4).
   */
  explainer?: 'shap' | 'lime' | 'anchors';
  /**
   * Per environment: version, traffic, scale.
   */
  environments: {
    [k: string]: DeploymentEnvironment;
  };
}
/**
 * A further model served beside the main one.
 */
export interface AdditionalModel {
  /**
   * Name of a model of this team.
   */
  model: string;
  /**
   * Its version.
   */
  version: string;
  /**
   * Memory the model needs.
   */
  memory?: string | number;
}
/**
 * How a deployment runs in one environment.
 */
export interface DeploymentEnvironment {
  /**
   * Stable version served.
   */
  version: string;
  canary?: Canary;
  abTest?: AbTest;
  /**
   * Autoscaling bounds. When `max` equals `min` (as it does when `max` is not set), the replica count is fixed and no autoscaler is emitted.
   */
  replicas?: {
    /**
     * Minimum replicas (0 allows scale to zero on Knative).
     */
    min?: number;
    /**
     * Maximum replicas (default: `min`, at least 1).
     */
    max?: number;
  };
  /**
   * What drives autoscaling.
   */
  autoscaling?: {
    /**
     * Scaling metric: `cpu`/`memory` through a HorizontalPodAutoscaler; `rps`/`concurrency` through Knative's autoscaler in KServe Knative mode, else through KEDA or prometheus-adapter (platform.yaml `autoscaling`) from the serving runtime's declared metrics.
     */
    metric?: 'cpu' | 'memory' | 'concurrency' | 'rps';
    /**
     * Target value: percent utilisation for cpu/memory, requests per second per replica for rps, requests in flight per replica for concurrency.
     */
    target?: number;
  };
  resources?: Resources;
  /**
   * Regions to run in (default: every cluster of the environment).
   *
   * @minItems 1
   */
  regions?: string[];
}
/**
 * A canary version receiving part of the traffic (rollout phase 3).
 */
export interface Canary {
  /**
   * Canary version (different from the stable one).
   */
  version: string;
  /**
   * Percent of traffic to the canary, a whole number 0–100 (Argo Rollouts and Gateway API weights are integers).
   */
  traffic: number;
}
/**
 * An A/B test between variants, possibly of different models (rollout phase 3).
 */
export interface AbTest {
  /**
   * `fixed` weights, or `bandit` (rollout phase 4): recorded, but served with the declared shares as fixed weights — no bandit controller is emitted yet (info ML504).
   */
  strategy?: 'fixed' | 'bandit';
  /**
   * Variants; their traffic adds up to 100.
   *
   * @minItems 2
   */
  variants: Variant[];
}
/**
 * One variant of an A/B test.
 */
export interface Variant {
  /**
   * Variant name (a DNS label).
   */
  name: string;
  /**
   * Model of this variant (default: the deployment's model).
   */
  model?: string;
  /**
   * Version of that model.
   */
  version: string;
  /**
   * Percent of traffic, a whole number 0–100 (HTTPRoute weights are integers).
   */
  traffic: number;
}
/**
 * Compute resources requested per replica (requests equal limits unless `limits` is given).
 */
export interface Resources {
  /**
   * CPU cores, e.g. `500m` or `2`.
   */
  cpu?: string | number;
  /**
   * Memory, e.g. `512Mi` or `4Gi`.
   */
  memory?: string | number;
  /**
   * Number of NVIDIA GPUs (`nvidia.com/gpu`).
   */
  gpu?: number;
  /**
   * Limits when they differ from the requests.
   */
  limits?: {
    /**
     * CPU limit.
     */
    cpu?: string | number;
    /**
     * Memory limit.
     */
    memory?: string | number;
  };
}
/**
 * A training pipeline: a DAG of container steps.
 */
export interface Pipeline {
  /**
   * Free text.
   */
  description?: string;
  /**
   * Cron schedule for scheduled runs (rollout phase 2); without it the pipeline runs manually.
   */
  schedule?: string;
  /**
   * IANA time zone of the schedule.
   */
  timezone?: string;
  /**
   * Model this pipeline trains.
   */
  produces?: string;
  /**
   * Automated retraining (rollout phase 3).
   */
  retrain?: {
    /**
     * Retrain when drift is detected on `deployment`, or on the schedule.
     */
    on: 'drift' | 'schedule';
    /**
     * Deployment whose drift triggers retraining.
     */
    deployment?: string;
  };
  /**
   * Hyper-parameter search (rollout phase 4).
   */
  hyperparameterSearch?: {
    /**
     * Search algorithm: `grid` takes the first `maxTrials` grid points; `random` a random sample of them seeded by the pipeline name; `bayesian` runs the same seeded random sample (no tuner is emitted).
     */
    algorithm?: 'grid' | 'random' | 'bayesian';
    /**
     * Most trials to run.
     */
    maxTrials?: number;
    /**
     * Candidate values per parameter.
     */
    parameters: {
      /**
       * @minItems 1
       */
      [k: string]: (string | number)[];
    };
  };
  /**
   * Environment the pipeline runs in (default: the first non-production environment).
   */
  environment?: string;
  /**
   * Steps; `dependsOn` forms the DAG.
   *
   * @minItems 1
   */
  steps: Step[];
}
/**
 * One container step of a pipeline.
 */
export interface Step {
  /**
   * Step name (a DNS label), unique in the pipeline.
   */
  name: string;
  /**
   * Container image, pinned by tag or digest.
   */
  image: string;
  /**
   * Entrypoint.
   */
  command?: string[];
  /**
   * Arguments.
   */
  args?: string[];
  /**
   * Environment variables (no secrets: reference them with `secretRef`).
   */
  env?: {
    [k: string]: string;
  };
  /**
   * Name of a Secret whose keys become environment variables.
   */
  secretRef?: string;
  /**
   * Steps that must finish first.
   */
  dependsOn?: string[];
  resources?: Resources;
  /**
   * How often Argo retries the step after an error (a lost node, an evicted pod; not a failing exit code).
   */
  retries?: number;
  /**
   * Longest a step's pod may run (Argo `activeDeadlineSeconds`), e.g. `6h`.
   */
  timeout?: string;
}
/**
 * Monitoring of one deployment: SLOs and drift.
 */
export interface Monitor {
  /**
   * Service-level objectives; breaking one raises an alert.
   */
  slo?: {
    /**
     * 99th percentile latency in milliseconds.
     */
    latencyP99Ms?: number;
    /**
     * Highest share of failed requests, percent.
     */
    errorRatePercent?: number;
    /**
     * Availability objective, percent.
     */
    availabilityPercent?: number;
  };
  /**
   * Data drift detection (rollout phase 2).
   */
  drift?: {
    /**
     * Drift statistic.
     */
    method: 'psi' | 'ks' | 'kl' | 'chi2' | 'wasserstein';
    /**
     * Alert when the statistic exceeds this.
     */
    threshold: number;
    /**
     * Features to watch.
     *
     * @minItems 1
     */
    features: string[];
    /**
     * Cron schedule of the drift check.
     */
    schedule?: string;
    /**
     * Reference data (default: the deployed version's training dataset).
     */
    baseline?: string;
    /**
     * Drift-check image (default: the platform's).
     */
    image?: string;
    inputs?: DriftInputs;
  };
}
/**
 * Where this deployment's predictions are logged (required unless platform.yaml declares `monitoring.predictionLogs` and the deployment is served by KServe): the drift check reads the model inputs from there.
 */
export interface DriftInputs {
  /**
   * An `http(s)://` URL answering a GET with the logged inputs as JSON Lines: feature maps or KServe payload-logger CloudEvents (the drift check mounts no volume).
   */
  uri: string;
  /**
   * How lines are read.
   */
  format?: 'auto' | 'features' | 'kserve';
  /**
   * How far back events are read (by CloudEvent time).
   */
  window?: string;
  /**
   * Feature names of positional instances.
   *
   * @minItems 1
   */
  columns?: string[];
}
/**
 * Team rules, stricter modes for org rules, and waivers.
 */
export interface TeamPolicies {
  /**
   * Custom CEL rules for this team.
   */
  rules?: CustomRule[];
  /**
   * Stricter modes for rules (never weaker than the org's).
   */
  modes?: {
    /**
     * A mode for every environment, or a mode per environment with `default` for the others.
     */
    [k: string]:
      | 'enforce'
      | 'warn'
      | 'audit'
      | 'disabled'
      | {
          /**
           * How a rule's findings count: `enforce` blocks (error), `warn` reports a warning, `audit` records an info finding, `disabled` turns the rule off.
           */
          [k: string]: 'enforce' | 'warn' | 'audit' | 'disabled';
        };
  };
  /**
   * A lower canary traffic ceiling for high-risk models in production (never higher than the org's).
   */
  maxCanaryTraffic?: number;
  /**
   * Exceptions to rules, each justified, approved and expiring.
   */
  waivers?: Waiver[];
}
/**
 * An approved, expiring exception to a policy rule.
 */
export interface Waiver {
  /**
   * Rule id being waived.
   */
  rule: string;
  /**
   * What it applies to: `deployments/<name>`, `models/<name>`, `pipelines/<name>` or `team`; add `@<environment>` to limit it to one environment.
   */
  target: string;
  /**
   * Why the exception is acceptable.
   */
  justification: string;
  /**
   * Tracking ticket, e.g. `SEC-123`.
   */
  ticket: string;
  /**
   * A GitHub user (`@alice`) or team (`@acme/fraud-ml`), or an SSO group name (`sso:fraud-ml`).
   */
  approvedBy: string;
  /**
   * Last day it applies (`YYYY-MM-DD`).
   */
  expires: string;
}

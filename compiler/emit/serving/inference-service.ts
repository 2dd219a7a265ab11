/**
 * KServe `InferenceService` (serving.kserve.io/v1beta1) for a placement. Canary traffic follows the
 * platform's KServe deployment mode: Knative mode serves the canary as the latest revision with
 * `predictor.canaryTrafficPercent` (KServe keeps the previously rolled-out stable revision for the
 * rest); Standard mode has no revisions, so the stable predictor stays in `spec.predictor` and the
 * canary goes to `spec.canary[]` with its `trafficPercent`.
 */
import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import type { ResolvedDeployment, ResolvedModel, ResolvedPlacement, ServedVersion } from '../../resolve/resolved-org.ts';
import { MLOPS_DOMAIN } from '../labels.ts';
import { storageContainerFor } from '../platform-bootstrap/restricted-storage-container.ts';
import { containerResources, restrictedContainerSecurityContext, restrictedPodSecurityContext, servingProbes } from '../security-context.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';
import { WORKLOAD_SERVICE_ACCOUNT } from '../tenancy/rbac.ts';
import { servedModel, servedVersion, servingLabels, servingMetadata } from './served-model.ts';
import { KSERVE_SERVING_PORT_NAME } from '../monitoring/serving-metrics.ts';
import type { PredictionLogger } from '../monitoring/prediction-source.ts';
import { constructId } from '../construct-id.ts';
import { pinnedRuntime } from './serving-runtime.ts';
import { KSERVE_RUNTIME_BY_FRAMEWORK } from '../../resolve/serving-runtimes.ts';
import { needsTopologySpread, topologySpreadConstraints } from './topology-spread.ts';
import { kserveScaling } from './kserve-autoscaling.ts';

/** Annotation naming the KServe deployment mode. */
export const DEPLOYMENT_MODE_ANNOTATION = 'serving.kserve.io/deploymentMode';

/** Annotation recording the stable version while a Knative canary rolls out. */
export const STABLE_VERSION_ANNOTATION = `${MLOPS_DOMAIN}/stable-version`;

/**
 * `predictor.name` of the Standard-mode canary. KServe v0.20's webhook (`validateCanarySpecs` in
 * `pkg/apis/serving/v1beta1/inference_service_validation.go`) requires a name on every canary
 * predictor, different from the stable predictor's (which has none); KServe names its Deployment and
 * Service `<isvc>-canary-predictor`.
 */
export const CANARY_PREDICTOR_NAME = 'canary';

/**
 * Container name of a canary's model: the InferenceService CRD (v0.20.0 `config/crd/full`) requires
 * `name` on `spec.canary[].predictor.model`, while the webhook refuses it on the stable predictor's.
 */
export const KSERVE_CONTAINER_NAME = 'kserve-container';

/** What one InferenceService serves. */
export interface InferenceServiceInput {
  readonly context: TeamClusterContext;
  readonly deployment: ResolvedDeployment;
  readonly placement: ResolvedPlacement;
  /** Object name: the deployment, or `<deployment>-<variant>` for A/B variants. */
  readonly name: string;
  readonly served: ServedVersion;
  readonly canary?: ServedVersion & { readonly traffic: number };
  /** Lowest replica count the mode supports (0 on Knative, 1 on Standard). */
  readonly minReplicas: number;
  /** KServe's payload logger, when the placement's drift check reads logged predictions. */
  readonly logger?: PredictionLogger;
}

/** `storageContainerName`: the restricted storage initializer of the platform bootstrap, for URIs it downloads. */
function storageContainerField(storageUri: string): Record<string, string> {
  const name = storageContainerFor(storageUri);
  return name ? { storageContainerName: name } : {};
}

/**
 * `predictor.model.runtime`: the model's own runtime, else the one pinned to `serving.images`
 * (serving-runtime.ts), else KServe's built-in runtime for the framework, named rather than
 * auto-selected: auto-selection assumes protocol v1 when the predictor names none
 * (`GetSupportingRuntimes` in KServe v0.20 `pkg/apis/serving/v1beta1/predictor_model.go`), which
 * Triton (`onnx`, `triton`) does not speak, and a named runtime is the one the metrics are read for.
 */
function runtimeField(input: InferenceServiceInput, model: ResolvedModel): { runtime?: string } {
  const runtime = model.runtime ?? pinnedRuntime(input.context.org.platform, model)?.name ?? KSERVE_RUNTIME_BY_FRAMEWORK[model.framework];
  return runtime ? { runtime } : {};
}

function predictor(input: InferenceServiceInput, served: ServedVersion): Record<string, unknown> {
  const { context, deployment, placement } = input;
  const model = servedModel(context.team, served);
  const version = servedVersion(context.team, served);
  const cluster = placement.cluster;
  return {
    automountServiceAccountToken: false,
    labels: servingLabels(context, deployment, served),
    maxReplicas: placement.replicas.max,
    minReplicas: input.minReplicas,
    ...(input.logger ? { logger: { ...input.logger } } : {}),
    // No container `name`: the webhook refuses one on the stable predictor (`validatePredictor`).
    model: {
      modelFormat: { name: model.framework },
      // A named port, so the PodMonitor can select it (prometheus-operator PodMetricsEndpoint.port).
      ports: [{ containerPort: deployment.port, name: KSERVE_SERVING_PORT_NAME, protocol: 'TCP' }],
      ...runtimeField(input, model),
      storageUri: version.config.artifact,
      resources: containerResources(placement.resources),
      securityContext: restrictedContainerSecurityContext(),
      ...servingProbes(deployment.port),
    },
    ...(Object.keys(cluster.nodeSelector).length > 0 ? { nodeSelector: { ...cluster.nodeSelector } } : {}),
    ...kserveScaling(context, placement, input.name, served, input.minReplicas).predictor,
    securityContext: restrictedPodSecurityContext(),
    serviceAccountName: WORKLOAD_SERVICE_ACCOUNT,
    ...storageContainerField(version.config.artifact),
    ...(cluster.tolerations.length > 0 ? { tolerations: cluster.tolerations.map((toleration) => ({ operator: toleration.value === undefined ? 'Exists' : 'Equal', ...toleration })) } : {}),
    ...spreadField(input, served),
  };
}

/**
 * `topologySpreadConstraints` for a replicated production predictor (topology-spread.ts), selecting
 * the `predictor.labels` KServe copies onto the predictor pods. Standard mode only: KServe passes the
 * predictor's pod fields through to its Deployment, while Knative Serving refuses the field unless
 * its `kubernetes.podspec-topologyspreadconstraints` feature flag is enabled.
 */
function spreadField(input: InferenceServiceInput, served: ServedVersion): { topologySpreadConstraints?: Record<string, unknown>[] } {
  if (input.context.org.platform.serving.kserveDeploymentMode !== 'Standard' || !needsTopologySpread(input.placement, input.minReplicas)) return {};
  const labels = servingLabels(input.context, input.deployment, served);
  // Stable, canary and A/B variants differ in model or version; selecting on both keeps each set's spread its own.
  const identifying = ['app.kubernetes.io/name', `${MLOPS_DOMAIN}/model`, `${MLOPS_DOMAIN}/team`, `${MLOPS_DOMAIN}/version`];
  return { topologySpreadConstraints: topologySpreadConstraints(Object.fromEntries(identifying.map((key) => [key, labels[key]!]))) };
}

/**
 * The Standard-mode canary predictor: named, with fixed replicas — the webhook refuses `maxReplicas`,
 * `scaleTarget`, `scaleMetric` and `autoScaling` on a canary and a `minReplicas` above the stable one's.
 */
function canaryPredictor(input: InferenceServiceInput, canary: ServedVersion): Record<string, unknown> {
  const { maxReplicas: _max, scaleMetric: _metric, scaleTarget: _target, autoScaling: _autoScaling, model, ...fixed } = predictor(input, canary);
  return { name: CANARY_PREDICTOR_NAME, ...fixed, model: { name: KSERVE_CONTAINER_NAME, ...(model as Record<string, unknown>) } };
}

/**
 * Builds the InferenceService spec and annotations for the platform's deployment mode; the autoscaler
 * and its fields per mode and metric come from kserve-autoscaling.ts.
 */
export function inferenceServiceSpec(input: InferenceServiceInput): { spec: Record<string, unknown>; annotations: Record<string, string> } {
  const mode = input.context.org.platform.serving.kserveDeploymentMode;
  const scaling = kserveScaling(input.context, input.placement, input.name, input.served, input.minReplicas);
  const annotations: Record<string, string> = { [DEPLOYMENT_MODE_ANNOTATION]: mode, ...scaling.annotations };
  if (!input.canary) return { spec: { predictor: predictor(input, input.served) }, annotations };
  if (mode === 'Knative') {
    annotations[STABLE_VERSION_ANNOTATION] = input.served.version;
    return { spec: { predictor: { ...predictor(input, input.canary), canaryTrafficPercent: input.canary.traffic } }, annotations };
  }
  return {
    spec: { predictor: predictor(input, input.served), canary: [{ trafficPercent: input.canary.traffic, predictor: canaryPredictor(input, input.canary) }] },
    annotations,
  };
}

/** Adds the InferenceService to `scope`. */
export function emitInferenceService(scope: Construct, input: InferenceServiceInput): void {
  const { spec, annotations } = inferenceServiceSpec(input);
  const metadata = servingMetadata(input.context, input.deployment, input.placement, input.name, input.served);
  new ApiObject(scope, constructId(scope, `inferenceservice-${input.name}`), {
    apiVersion: 'serving.kserve.io/v1beta1',
    kind: 'InferenceService',
    metadata: { ...metadata, annotations: { ...metadata.annotations, ...annotations } },
    spec,
  });
  emitPredictorDisruptionBudget(scope, input);
}

/** Pod labels KServe puts on an InferenceService's predictor pods. */
export function predictorPodLabels(inferenceService: string): Record<string, string> {
  return { component: 'predictor', 'serving.kserve.io/inferenceservice': inferenceService };
}

/** A PodDisruptionBudget for the predictor pods, when more than one replica must stay up. */
export function emitPredictorDisruptionBudget(scope: Construct, input: InferenceServiceInput): void {
  if (input.minReplicas < 2) return;
  new ApiObject(scope, constructId(scope, `pdb-${input.name}`), {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: servingMetadata(input.context, input.deployment, input.placement, input.name, input.served),
    spec: { maxUnavailable: 1, selector: { matchLabels: predictorPodLabels(input.name) } },
  });
}

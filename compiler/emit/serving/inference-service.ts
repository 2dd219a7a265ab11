/**
 * KServe `InferenceService` (serving.kserve.io/v1beta1) for a placement. Canary traffic follows the
 * platform's KServe deployment mode: Knative mode serves the canary as the latest revision with
 * `predictor.canaryTrafficPercent` (KServe keeps the previously rolled-out stable revision for the
 * rest); Standard mode has no revisions, so the stable predictor stays in `spec.predictor` and the
 * canary goes to `spec.canary[]` with its `trafficPercent`.
 */
import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import type { ResolvedDeployment, ResolvedPlacement, ServedVersion } from '../../resolve/resolved-org.ts';
import { MLOPS_DOMAIN } from '../labels.ts';
import { containerResources, restrictedContainerSecurityContext, restrictedPodSecurityContext, servingProbes } from '../security-context.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';
import { WORKLOAD_SERVICE_ACCOUNT } from '../tenancy/rbac.ts';
import { servedModel, servedVersion, servingLabels, servingMetadata } from './served-model.ts';
import { constructId } from '../construct-id.ts';

/** Annotation naming the KServe deployment mode. */
export const DEPLOYMENT_MODE_ANNOTATION = 'serving.kserve.io/deploymentMode';

/** Annotation recording the stable version while a Knative canary rolls out. */
export const STABLE_VERSION_ANNOTATION = `${MLOPS_DOMAIN}/stable-version`;

/** Name KServe gives the model-server container (required inside `spec.canary[]`). */
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
    model: {
      name: KSERVE_CONTAINER_NAME,
      modelFormat: { name: model.framework },
      ...(model.runtime ? { runtime: model.runtime } : {}),
      storageUri: version.config.artifact,
      resources: containerResources(placement.resources),
      securityContext: restrictedContainerSecurityContext(),
      ...servingProbes(deployment.port),
    },
    ...(Object.keys(cluster.nodeSelector).length > 0 ? { nodeSelector: { ...cluster.nodeSelector } } : {}),
    scaleMetric: placement.autoscaling.metric,
    scaleTarget: placement.autoscaling.target,
    securityContext: restrictedPodSecurityContext(),
    serviceAccountName: WORKLOAD_SERVICE_ACCOUNT,
    ...(cluster.tolerations.length > 0 ? { tolerations: cluster.tolerations.map((toleration) => ({ operator: toleration.value === undefined ? 'Exists' : 'Equal', ...toleration })) } : {}),
  };
}

/** Builds the InferenceService spec and annotations for the platform's deployment mode. */
export function inferenceServiceSpec(input: InferenceServiceInput): { spec: Record<string, unknown>; annotations: Record<string, string> } {
  const mode = input.context.org.platform.serving.kserveDeploymentMode;
  const annotations: Record<string, string> = { [DEPLOYMENT_MODE_ANNOTATION]: mode };
  if (!input.canary) return { spec: { predictor: predictor(input, input.served) }, annotations };
  if (mode === 'Knative') {
    annotations[STABLE_VERSION_ANNOTATION] = input.served.version;
    return { spec: { predictor: { ...predictor(input, input.canary), canaryTrafficPercent: input.canary.traffic } }, annotations };
  }
  return {
    spec: { predictor: predictor(input, input.served), canary: [{ trafficPercent: input.canary.traffic, predictor: predictor(input, input.canary) }] },
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

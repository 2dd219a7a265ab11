/**
 * Serving of one team on one cluster in one environment: for each deployment placed here, KServe
 * InferenceServices (with TrainedModels for additional models) or the `deployment` backend, and a
 * weighted HTTPRoute wherever traffic is split between Services.
 */
import type { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ResolvedDeployment, ResolvedPlacement } from '../../resolve/resolved-org.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';
import { emitServingTrack, type ServingTrack } from './deployment-backend.ts';
import { SERVICE_PORT } from './gateway.ts';
import { emitHttpRoute, type WeightedBackend } from './http-route.ts';
import { emitInferenceService } from './inference-service.ts';
import { placementsHere } from './served-model.ts';
import { predictionLogger } from '../monitoring/prediction-source.ts';
import { checkNameLength, emitDiagnostic } from './serving-diagnostics.ts';
import { emitTrainedModels } from './trained-model.ts';
import { emitServingRuntimes } from './serving-runtime.ts';
import { constructId } from '../construct-id.ts';
import { emitScalingPodMonitor } from './scaling-pod-monitor.ts';

/** Explainers KServe v0.20 implements itself. */
export const KSERVE_BUILTIN_EXPLAINERS: readonly string[] = ['art'];

/** Names of the objects a placement needs besides the deployment's own name. */
function generatedNames(deployment: ResolvedDeployment, placement: ResolvedPlacement): string[] {
  const names: string[] = [];
  if (placement.canary) names.push(`${deployment.name}-canary`);
  for (const variant of placement.abTest?.variants ?? []) names.push(`${deployment.name}-${variant.name}`);
  const services = placement.abTest ? placement.abTest.variants.map((variant) => `${deployment.name}-${variant.name}`) : [deployment.name];
  if (placement.backend === 'kserve') {
    // KServe Standard mode names the canary's Deployment and Service `<isvc>-canary-predictor`.
    if (placement.canary) names.push(`${deployment.name}-canary-predictor`);
    for (const service of services) {
      names.push(`${service}-predictor`);
      for (const extra of deployment.additionalModels) names.push(`${service}-${extra.model}`);
    }
  }
  return names;
}

function placementDiagnostics(context: TeamClusterContext, deployment: ResolvedDeployment, placement: ResolvedPlacement, minReplicas: number): Diagnostic[] {
  const { org } = context;
  const diagnostics: Diagnostic[] = [];
  if (placement.replicas.min === 0 && minReplicas > 0) {
    const where = placement.backend === 'kserve' ? 'KServe Standard mode' : `the deployment backend on cluster \`${placement.cluster.name}\``;
    diagnostics.push(emitDiagnostic(org, placement.source, ['replicas', 'min'], 'ML501', `\`${deployment.name}\` asks to scale to zero, which ${where} does not support; it keeps ${minReplicas} replica.`));
  }
  if (deployment.explainer && (placement.backend !== 'kserve' || !KSERVE_BUILTIN_EXPLAINERS.includes(deployment.explainer))) {
    diagnostics.push(emitDiagnostic(org, deployment.source, ['explainer'], 'ML503', `Explainer \`${deployment.explainer}\` of \`${deployment.name}\` is not emitted: KServe has no built-in \`${deployment.explainer}\` explainer and the deployment backend none at all.`));
  }
  if (placement.backend === 'deployment' && deployment.additionalModels.length > 0) {
    diagnostics.push(emitDiagnostic(org, deployment.source, ['additionalModels'], 'ML506', `\`${deployment.name}\` runs on the deployment backend on cluster \`${placement.cluster.name}\`, which serves only its main model; its additional models are not served there.`));
  }
  if (placement.abTest?.strategy === 'bandit') {
    diagnostics.push(emitDiagnostic(org, placement.source, ['abTest', 'strategy'], 'ML504', `The bandit A/B test of \`${deployment.name}\` is served with the declared traffic shares as fixed weights: no bandit controller is emitted.`));
  }
  return diagnostics;
}

function emitKserve(scope: Construct, context: TeamClusterContext, deployment: ResolvedDeployment, placement: ResolvedPlacement, minReplicas: number): void {
  const monitor = context.team.monitors.find((candidate) => candidate.deployment === deployment.name);
  const logger = predictionLogger(placement, monitor, context.org.platform.monitoring);
  const logging = logger ? { logger } : {};
  if (!placement.abTest) {
    emitInferenceService(scope, { context, deployment, placement, name: deployment.name, served: placement.stable, ...(placement.canary ? { canary: placement.canary } : {}), minReplicas, ...logging });
    emitTrainedModels(scope, context, deployment, placement, deployment.name);
    return;
  }
  const backends: WeightedBackend[] = [];
  for (const variant of placement.abTest.variants) {
    const name = `${deployment.name}-${variant.name}`;
    emitInferenceService(scope, { context, deployment, placement, name, served: variant, minReplicas, ...logging });
    emitTrainedModels(scope, context, deployment, placement, name);
    backends.push({ service: `${name}-predictor`, port: SERVICE_PORT, weight: variant.traffic });
  }
  emitHttpRoute(scope, context, deployment, placement, placement.stable, backends);
}

function tracksOf(deployment: ResolvedDeployment, placement: ResolvedPlacement): { track: ServingTrack; weight: number }[] {
  if (placement.abTest) {
    return placement.abTest.variants.map((variant) => ({ track: { name: `${deployment.name}-${variant.name}`, served: variant, role: variant.name }, weight: variant.traffic }));
  }
  const stable = { name: deployment.name, served: placement.stable, role: 'stable' };
  if (!placement.canary) return [{ track: stable, weight: 100 }];
  return [
    { track: stable, weight: 100 - placement.canary.traffic },
    { track: { name: `${deployment.name}-canary`, served: placement.canary, role: 'canary' }, weight: placement.canary.traffic },
  ];
}

function emitDeploymentBackend(scope: Construct, context: TeamClusterContext, deployment: ResolvedDeployment, placement: ResolvedPlacement, minReplicas: number): void {
  const tracks = tracksOf(deployment, placement);
  const backends = tracks.map(({ track, weight }) => ({ service: emitServingTrack(scope, context, deployment, placement, track, minReplicas), port: SERVICE_PORT, weight }));
  if (tracks.length > 1) emitHttpRoute(scope, context, deployment, placement, placement.stable, backends);
}

/** Adds the serving objects of `context` to `chart`; returns the diagnostics found on the way. */
export function emitServing(chart: Chart, context: TeamClusterContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const knative = context.org.platform.serving.kserveDeploymentMode === 'Knative';
  emitServingRuntimes(chart, context);
  for (const deployment of context.team.deployments) {
    for (const placement of placementsHere(context, deployment)) {
      const tooLong = generatedNames(deployment, placement)
        .map((name) => checkNameLength(context.org, deployment.source, name))
        .find((diagnostic) => diagnostic !== undefined);
      if (tooLong) {
        diagnostics.push(tooLong);
        continue;
      }
      if (placement.backend === 'deployment' && !deployment.image) {
        const message = `\`${deployment.name}\` runs on the deployment backend on edge cluster \`${placement.cluster.name}\` but has no \`image\`, and the platform has no default image for its framework.`;
        diagnostics.push(emitDiagnostic(context.org, deployment.source, [], 'ML318', message, 'Set `image` on the deployment, or `serving.images.<framework>` in platform.yaml.'));
        continue;
      }
      const scaleToZero = placement.backend === 'kserve' && knative;
      const minReplicas = scaleToZero ? placement.replicas.min : Math.max(1, placement.replicas.min);
      diagnostics.push(...placementDiagnostics(context, deployment, placement, minReplicas));
      // One scope per deployment keeps construct ids unique; clashing object names surface as ML505.
      const scope = new Construct(chart, constructId(chart, `deployment-${deployment.name}`));
      if (placement.backend === 'kserve') emitKserve(scope, context, deployment, placement, minReplicas);
      else emitDeploymentBackend(scope, context, deployment, placement, minReplicas);
      emitScalingPodMonitor(scope, context, deployment, placement, minReplicas);
    }
  }
  return diagnostics;
}

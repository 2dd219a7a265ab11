/**
 * The `deployment` serving backend through cdk8s-plus-28: per track (stable, canary or A/B variant) a
 * Deployment, a Service, its scaler (track-autoscaler.ts: an HPA, a KEDA ScaledObject, or none for
 * fixed replicas) and a PodDisruptionBudget. The pod spec comes from
 * security-context.ts (patched over cdk8s-plus's container so exact quantities and GPUs survive).
 * Edge clusters pin pods with the cluster's node selector and tolerations.
 */
import { createRequire } from 'node:module';
import { ApiObject, JsonPatch } from 'cdk8s';
import type * as Kplus from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import type { ResolvedDeployment, ResolvedPlacement, ServedVersion } from '../../resolve/resolved-org.ts';
import { MLOPS_DOMAIN } from '../labels.ts';
import { secureContainer, securePodDefaults } from '../security-context.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';
import { WORKLOAD_SERVICE_ACCOUNT } from '../tenancy/rbac.ts';
import { SERVICE_PORT } from './gateway.ts';
import { servedVersion, servingLabels, servingMetadata } from './served-model.ts';
import { constructId } from '../construct-id.ts';
import { needsTopologySpread, topologySpreadConstraints } from './topology-spread.ts';
import { emitTrackAutoscaler, trackScaling } from './track-autoscaler.ts';

// cdk8s-plus-28 is CommonJS of 4.7 MB: `import` makes Node scan all of it for named exports first,
// ~100 ms of every `mlops compile`; `require` loads the same module (one instance with cdk8s's).
const kplus = createRequire(import.meta.url)('cdk8s-plus-28') as typeof Kplus;

/** One set of pods serving one version. */
export interface ServingTrack {
  /** Name of the Deployment, Service, HPA and PDB. */
  readonly name: string;
  readonly served: ServedVersion;
  /** `stable`, `canary` or the A/B variant name. */
  readonly role: string;
}

/** Pod label naming the track, part of the selector. */
export const TRACK_LABEL = `${MLOPS_DOMAIN}/track`;

function selectorLabels(context: TeamClusterContext, track: ServingTrack): Record<string, string> {
  return { 'app.kubernetes.io/instance': track.name, [`${MLOPS_DOMAIN}/team`]: context.team.name, [TRACK_LABEL]: track.role };
}

/** The secure pod spec fields of a track: container, pod defaults, on edge clusters placement, and for replicated production tracks topology spread (topology-spread.ts). */
function podSpecOverrides(context: TeamClusterContext, deployment: ResolvedDeployment, placement: ResolvedPlacement, track: ServingTrack, minReplicas: number): Record<string, unknown> {
  const version = servedVersion(context.team, track.served);
  const container = secureContainer({
    name: 'server',
    image: deployment.image ?? '',
    resources: placement.resources,
    env: { MODEL_NAME: track.served.model, MODEL_URI: version.config.artifact, MODEL_VERSION: track.served.version },
    servingPort: deployment.port,
  });
  const cluster = placement.cluster;
  return {
    containers: [container],
    ...securePodDefaults({ serviceAccountName: WORKLOAD_SERVICE_ACCOUNT }),
    ...(Object.keys(cluster.nodeSelector).length > 0 ? { nodeSelector: { ...cluster.nodeSelector } } : {}),
    ...(cluster.tolerations.length > 0 ? { tolerations: cluster.tolerations.map((toleration) => ({ operator: toleration.value === undefined ? 'Exists' : 'Equal', ...toleration })) } : {}),
    ...(needsTopologySpread(placement, minReplicas) ? { topologySpreadConstraints: topologySpreadConstraints(selectorLabels(context, track)) } : {}),
  };
}

/**
 * Merges `overrides` into the synthesised pod spec and drops cdk8s-plus's construct-address pod label.
 * This runs after cdk8s-plus's typed conversion: JSON patches run before it, and the conversion drops
 * plain quantities and int-or-strings (it expects Quantity/IntOrString objects).
 */
function overridePodSpec(workload: Kplus.Deployment, overrides: Record<string, unknown>): void {
  const apiObject = ApiObject.of(workload);
  const synthesize = apiObject.toJson.bind(apiObject);
  apiObject.toJson = () => {
    const json = synthesize();
    const template = json.spec.template;
    const labels = { ...template.metadata.labels };
    delete labels['cdk8s.io/metadata.addr'];
    return { ...json, spec: { ...json.spec, template: { metadata: { ...template.metadata, labels }, spec: { ...template.spec, ...overrides } } } };
  };
}

/** Adds one track's Deployment, Service, scaler and PDB; returns the Service name. */
export function emitServingTrack(scope: Construct, context: TeamClusterContext, deployment: ResolvedDeployment, placement: ResolvedPlacement, track: ServingTrack, minReplicas: number): string {
  const metadata = servingMetadata(context, deployment, placement, track.name, track.served);
  const selector = selectorLabels(context, track);
  const scaling = trackScaling(context, placement, track.served, minReplicas);
  const workload = new kplus.Deployment(scope, constructId(scope, `deployment-${track.name}`), {
    metadata,
    ...(scaling.kind === 'fixed' ? { replicas: scaling.replicas } : {}),
    select: false,
    podMetadata: { labels: { ...servingLabels(context, deployment, track.served), ...selector } },
    containers: [{ name: 'server', image: deployment.image ?? '', portNumber: deployment.port }],
  });
  workload.select(kplus.LabelSelector.of({ labels: selector }));
  overridePodSpec(workload, podSpecOverrides(context, deployment, placement, track, minReplicas));

  const service = new kplus.Service(scope, constructId(scope, `service-${track.name}`), { metadata, ports: [{ name: 'http', port: SERVICE_PORT, targetPort: deployment.port }] });
  for (const [key, value] of Object.entries(selector)) service.selectLabel(key, value);
  ApiObject.of(service).addJsonPatch(JsonPatch.remove('/spec/externalIPs'));

  emitTrackAutoscaler(scope, context, scaling, { workload, metadata });

  new ApiObject(scope, constructId(scope, `pdb-${track.name}`), {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata,
    spec: { maxUnavailable: 1, selector: { matchLabels: selector } },
  });
  return track.name;
}

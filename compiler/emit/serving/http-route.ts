/** Gateway API `HTTPRoute` splitting a deployment's traffic by weight across Services (canary, A/B). */
import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import type { ResolvedDeployment, ResolvedPlacement, ServedVersion } from '../../resolve/resolved-org.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';
import { SERVING_GATEWAY } from './gateway.ts';
import { servingMetadata } from './served-model.ts';
import { constructId } from '../construct-id.ts';

/** One weighted destination. */
export interface WeightedBackend {
  readonly service: string;
  readonly port: number;
  /** Percent of requests, 0–100. */
  readonly weight: number;
}

/** The host name a deployment answers on: `<deployment>.<namespace>.<cluster>.mlops.internal`. */
export function servingHostname(context: TeamClusterContext, deployment: string): string {
  return `${deployment}.${context.namespace}.${context.cluster.name}.mlops.internal`;
}

/** Adds an HTTPRoute named after the deployment, attached to the shared serving Gateway. */
export function emitHttpRoute(scope: Construct, context: TeamClusterContext, deployment: ResolvedDeployment, placement: ResolvedPlacement, stable: ServedVersion, backends: readonly WeightedBackend[]): void {
  new ApiObject(scope, constructId(scope, `httproute-${deployment.name}`), {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: servingMetadata(context, deployment, placement, deployment.name, stable),
    spec: {
      hostnames: [servingHostname(context, deployment.name)],
      parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: SERVING_GATEWAY.name, namespace: SERVING_GATEWAY.namespace }],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/' } }],
          backendRefs: backends.map((backend) => ({ group: '', kind: 'Service', name: backend.service, port: backend.port, weight: backend.weight })),
        },
      ],
    },
  });
}

/**
 * NetworkPolicy rules (networking.k8s.io/v1) built from platform.yaml `network`: an egress rule per
 * declared destination, the peer of an in-cluster namespace, and the Prometheus peer. A destination
 * outside the cluster becomes one `ipBlock` per CIDR, each carrying the `except` entries inside it (the
 * API server refuses an `except` outside its `cidr`); an in-cluster one a `namespaceSelector` on the
 * namespace's `kubernetes.io/metadata.name` label, with the `podSelector` in the same peer so both must
 * match (a separate peer would allow either).
 */
import type { NetworkDestination, Platform } from '../../config/types.generated.ts';
import { destinationsOf, platformNetwork, type ResolvedNetwork, type WorkloadKind } from '../../resolve/platform-network.ts';
import { cidrContainsCidr, parseCidr } from '../../support/cidr.ts';

/** The label Kubernetes sets on every namespace to its name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** A NetworkPolicy peer selecting every pod (or the pods with `podLabels`) of `namespace`. */
export function namespacePeer(namespace: string, podLabels: Readonly<Record<string, string>> = {}): Record<string, unknown> {
  return {
    namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } },
    ...(Object.keys(podLabels).length > 0 ? { podSelector: { matchLabels: { ...podLabels } } } : {}),
  };
}

/** TCP ports of a rule, sorted and without repeats. */
export function tcpPorts(ports: Iterable<number>): { port: number; protocol: 'TCP' }[] {
  return [...new Set(ports)].sort((a, b) => a - b).map((port) => ({ port, protocol: 'TCP' }));
}

function ipBlocks(destination: NetworkDestination): Record<string, unknown>[] {
  return (destination.cidrs ?? []).map((cidr) => {
    const block = parseCidr(cidr);
    const except = (destination.except ?? []).filter((candidate) => {
      const inner = parseCidr(candidate);
      return block !== undefined && inner !== undefined && cidrContainsCidr(block, inner) && inner.prefix > block.prefix;
    });
    return { ipBlock: { cidr, ...(except.length > 0 ? { except } : {}) } };
  });
}

/** The egress rule reaching one declared destination on its ports. */
export function destinationEgressRule(destination: NetworkDestination): Record<string, unknown> {
  const to = destination.namespace !== undefined ? [namespacePeer(destination.namespace, destination.podLabels)] : ipBlocks(destination);
  return { ports: tcpPorts(destination.ports), to };
}

/** The ingress peer of the platform's Prometheus. */
export function prometheusPeer(network: ResolvedNetwork): Record<string, unknown> {
  return namespacePeer(network.prometheus.namespace, network.prometheus.podLabels);
}

/** The egress rules a workload kind gets from the destinations platform.yaml `network.egress` lists for it. */
export function workloadEgressRules(platform: Pick<Platform, 'network'>, kind: WorkloadKind): Record<string, unknown>[] {
  return destinationsOf(platformNetwork(platform), kind).map(destinationEgressRule);
}

/**
 * A small evaluator of Kubernetes NetworkPolicies (networking.k8s.io/v1), following the field docs of
 * `staging/src/k8s.io/api/networking/v1/types.go` (Kubernetes 1.34):
 *
 * - `NetworkPolicySpec.podSelector`: the pods the policy applies to, in its own namespace; an empty
 *   selector selects every pod of the namespace.
 * - `NetworkPolicySpec.policyTypes`: absent means `["Ingress"]`, plus `"Egress"` when the policy has an
 *   `egress` section. A pod is isolated for a direction when any policy selecting it lists that
 *   direction; then only what some such policy's rules allow passes ("additive": policies never deny).
 *   A pod no policy isolates accepts/sends everything in that direction.
 * - `NetworkPolicyIngressRule.from` / `NetworkPolicyEgressRule.to`: empty or absent matches every peer;
 *   otherwise any listed peer. `ports`: empty or absent matches every port; otherwise any listed port.
 * - `NetworkPolicyPeer`: `podSelector` alone selects pods of the policy's namespace; `namespaceSelector`
 *   alone selects every pod of the selected namespaces; both in ONE peer select the pods matching
 *   `podSelector` in namespaces matching `namespaceSelector` (both must hold — two separate peers would
 *   allow either); an empty selector selects all. `ipBlock` matches addresses in `cidr` but not in any
 *   `except`, and may not be combined with the selectors.
 * - `NetworkPolicyPort`: `protocol` defaults to TCP; `port` is a number or a named container port (of
 *   the destination pod: for ingress the selected pod, for egress the peer); absent means every port;
 *   `endPort` extends a numeric port to a range.
 *
 * Label selectors follow `metav1.LabelSelector`: `matchLabels` and every `matchExpressions` entry (In,
 * NotIn, Exists, DoesNotExist) must hold; `{}` matches everything.
 */
import { cidrContainsIp, parseCidr, parseIp } from '../../../compiler/support/cidr.ts';

/** `metav1.LabelSelector`. */
export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly { readonly key: string; readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; readonly values?: readonly string[] }[];
}

/** `networking/v1` NetworkPolicyPeer. */
export interface Peer {
  readonly podSelector?: LabelSelector;
  readonly namespaceSelector?: LabelSelector;
  readonly ipBlock?: { readonly cidr: string; readonly except?: readonly string[] };
}

/** `networking/v1` NetworkPolicyPort. */
export interface PolicyPort {
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
  readonly port?: number | string;
  readonly endPort?: number;
}

/** A NetworkPolicy as emitted (only the fields evaluation reads). */
export interface NetworkPolicy {
  readonly metadata: { readonly name?: string; readonly namespace: string };
  readonly spec: {
    readonly podSelector: LabelSelector;
    readonly policyTypes?: readonly ('Ingress' | 'Egress')[];
    readonly ingress?: readonly { readonly from?: readonly Peer[]; readonly ports?: readonly PolicyPort[] }[];
    readonly egress?: readonly { readonly to?: readonly Peer[]; readonly ports?: readonly PolicyPort[] }[];
  };
}

/** A pod: its namespace (with the namespace's labels), its labels, IP and named container ports. */
export interface Pod {
  readonly kind: 'pod';
  readonly namespace: string;
  readonly namespaceLabels: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  readonly ip: string;
  readonly namedPorts?: Readonly<Record<string, number>>;
}

/** An address outside the cluster's pods. */
export interface External {
  readonly kind: 'external';
  readonly ip: string;
}

/** One end of a connection. */
export type Endpoint = Pod | External;

/** A pod in `namespace`, carrying the `kubernetes.io/metadata.name` label every namespace has. */
export function pod(namespace: string, labels: Readonly<Record<string, string>>, options: { ip?: string; namedPorts?: Record<string, number>; namespaceLabels?: Record<string, string> } = {}): Pod {
  return { kind: 'pod', namespace, namespaceLabels: { 'kubernetes.io/metadata.name': namespace, ...options.namespaceLabels }, labels, ip: options.ip ?? '10.244.0.10', ...(options.namedPorts ? { namedPorts: options.namedPorts } : {}) };
}

/** Whether `selector` selects a set of `labels`. */
export function selectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  for (const expression of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, expression.key);
    const values = expression.values ?? [];
    if (expression.operator === 'Exists' && !has) return false;
    if (expression.operator === 'DoesNotExist' && has) return false;
    if (expression.operator === 'In' && !(has && values.includes(labels[expression.key]!))) return false;
    if (expression.operator === 'NotIn' && has && values.includes(labels[expression.key]!)) return false;
  }
  return true;
}

function ipInBlock(ipText: string, block: NonNullable<Peer['ipBlock']>): boolean {
  const ip = parseIp(ipText);
  const cidr = parseCidr(block.cidr);
  if (!ip || !cidr || !cidrContainsIp(cidr, ip)) return false;
  return !(block.except ?? []).some((except) => {
    const excluded = parseCidr(except);
    return excluded !== undefined && cidrContainsIp(excluded, ip);
  });
}

/** Whether `peer` (of a policy in `policyNamespace`) matches `endpoint`. */
export function peerMatches(peer: Peer, policyNamespace: string, endpoint: Endpoint): boolean {
  if (peer.ipBlock) return ipInBlock(endpoint.ip, peer.ipBlock);
  if (endpoint.kind !== 'pod') return false;
  if (peer.namespaceSelector) {
    if (!selectorMatches(peer.namespaceSelector, endpoint.namespaceLabels)) return false;
    return peer.podSelector === undefined || selectorMatches(peer.podSelector, endpoint.labels);
  }
  if (peer.podSelector) return endpoint.namespace === policyNamespace && selectorMatches(peer.podSelector, endpoint.labels);
  return false;
}

/** Whether `ports` lets `port`/`protocol` reach `destination` (named ports resolve on the destination pod). */
export function portMatches(ports: readonly PolicyPort[] | undefined, port: number, protocol: string, destination: Endpoint): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((candidate) => {
    if ((candidate.protocol ?? 'TCP') !== protocol) return false;
    if (candidate.port === undefined) return true;
    const number = typeof candidate.port === 'number' ? candidate.port : destination.kind === 'pod' ? destination.namedPorts?.[candidate.port] : undefined;
    if (number === undefined) return false;
    return candidate.endPort !== undefined && typeof candidate.port === 'number' ? port >= number && port <= candidate.endPort : port === number;
  });
}

function policyTypes(policy: NetworkPolicy): readonly ('Ingress' | 'Egress')[] {
  return policy.spec.policyTypes ?? (policy.spec.egress ? ['Ingress', 'Egress'] : ['Ingress']);
}

function selecting(policies: readonly NetworkPolicy[], target: Pod, direction: 'Ingress' | 'Egress'): NetworkPolicy[] {
  return policies.filter((policy) => policy.metadata.namespace === target.namespace && selectorMatches(policy.spec.podSelector, target.labels) && policyTypes(policy).includes(direction));
}

/** Whether the egress side lets `from` open a connection to `to`. */
export function egressAllowed(policies: readonly NetworkPolicy[], from: Pod, to: Endpoint, port: number, protocol = 'TCP'): boolean {
  const applicable = selecting(policies, from, 'Egress');
  if (applicable.length === 0) return true;
  return applicable.some((policy) => (policy.spec.egress ?? []).some((rule) => (!rule.to || rule.to.length === 0 || rule.to.some((peer) => peerMatches(peer, policy.metadata.namespace, to))) && portMatches(rule.ports, port, protocol, to)));
}

/** Whether the ingress side lets `from` open a connection to `to`. */
export function ingressAllowed(policies: readonly NetworkPolicy[], from: Endpoint, to: Pod, port: number, protocol = 'TCP'): boolean {
  const applicable = selecting(policies, to, 'Ingress');
  if (applicable.length === 0) return true;
  return applicable.some((policy) => (policy.spec.ingress ?? []).some((rule) => (!rule.from || rule.from.length === 0 || rule.from.some((peer) => peerMatches(peer, policy.metadata.namespace, from))) && portMatches(rule.ports, port, protocol, to)));
}

/** Whether a connection passes both ends: the source pod's egress and the destination pod's ingress. */
export function connectionAllowed(policies: readonly NetworkPolicy[], from: Endpoint, to: Endpoint, port: number, protocol = 'TCP'): boolean {
  if (from.kind === 'pod' && !egressAllowed(policies, from, to, port, protocol)) return false;
  return to.kind !== 'pod' || ingressAllowed(policies, from, to, port, protocol);
}

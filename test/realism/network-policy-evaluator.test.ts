/**
 * The NetworkPolicy evaluator against the semantics documented in Kubernetes'
 * `staging/src/k8s.io/api/networking/v1/types.go` (see support/network-policy-evaluator.ts).
 */
import { describe, expect, it } from 'vitest';
import { connectionAllowed, egressAllowed, ingressAllowed, type NetworkPolicy, pod, selectorMatches } from './support/network-policy-evaluator.ts';

const web = pod('team-a', { app: 'web' }, { ip: '10.244.1.1', namedPorts: { http: 8080 } });
const db = pod('team-a', { app: 'db' }, { ip: '10.244.1.2' });
const other = pod('team-b', { app: 'web' }, { ip: '10.244.2.1', namespaceLabels: { tier: 'trusted' } });
const monitoring = pod('monitoring', { 'app.kubernetes.io/name': 'prometheus' }, { ip: '10.244.3.1' });
const outside = { kind: 'external' as const, ip: '1.2.3.4' };

const policy = (spec: NetworkPolicy['spec'], namespace = 'team-a'): NetworkPolicy => ({ metadata: { namespace }, spec });

describe('label selectors', () => {
  it('match everything when empty, and need every matchLabels entry and expression otherwise', () => {
    expect(selectorMatches({}, {})).toBe(true);
    expect(selectorMatches({ matchLabels: { app: 'web' } }, { app: 'web', extra: 'x' })).toBe(true);
    expect(selectorMatches({ matchLabels: { app: 'web', tier: 'x' } }, { app: 'web' })).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, { app: '' })).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, { app: 'web' })).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] }, { app: 'api' })).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] }, {})).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] }, {})).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] }, { app: 'web' })).toBe(false);
  });
});

describe('policy types and isolation', () => {
  it('leaves a pod no policy selects open in both directions', () => {
    expect(connectionAllowed([], web, outside, 443)).toBe(true);
    expect(connectionAllowed([policy({ podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress', 'Egress'] })], web, outside, 443)).toBe(true);
  });

  it('isolates for Ingress only when policyTypes is absent and there is no egress section', () => {
    const ingressOnly = [policy({ podSelector: {} })];
    expect(ingressAllowed(ingressOnly, other, web, 8080)).toBe(false);
    expect(egressAllowed(ingressOnly, web, outside, 443)).toBe(true);
  });

  it('isolates for Egress too when policyTypes is absent but an egress section exists', () => {
    const withEgress = [policy({ podSelector: {}, egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }] }] })];
    expect(egressAllowed(withEgress, web, outside, 443)).toBe(false);
    expect(egressAllowed(withEgress, web, db, 5432)).toBe(true);
  });

  it('adds the allowances of every policy selecting the pod (policies never deny)', () => {
    const policies = [policy({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] }), policy({ podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 443 }] }] })];
    expect(egressAllowed(policies, web, outside, 443)).toBe(true);
    expect(egressAllowed(policies, web, outside, 80)).toBe(false);
    expect(egressAllowed(policies, db, outside, 443)).toBe(false);
  });

  it('needs both ends: the source’s egress and the destination’s ingress', () => {
    const policies = [policy({ podSelector: {}, policyTypes: ['Egress'], egress: [{}] }), policy({ podSelector: {}, policyTypes: ['Ingress'] }, 'team-b')];
    expect(connectionAllowed(policies, web, other, 8080)).toBe(false);
    expect(connectionAllowed(policies, web, outside, 8080)).toBe(true);
  });
});

describe('peers', () => {
  it('reads an empty or absent from/to as every peer', () => {
    expect(ingressAllowed([policy({ podSelector: {}, ingress: [{ from: [] }] })], outside, web, 1)).toBe(true);
    expect(ingressAllowed([policy({ podSelector: {}, ingress: [{}] })], other, web, 1)).toBe(true);
    expect(ingressAllowed([policy({ podSelector: {}, ingress: [] })], other, web, 1)).toBe(false);
  });

  it('scopes a podSelector-only peer to the policy’s own namespace', () => {
    const policies = [policy({ podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }] })];
    expect(ingressAllowed(policies, web, db, 5432)).toBe(true);
    expect(ingressAllowed(policies, other, db, 5432)).toBe(false);
  });

  it('selects every pod of the namespaces a namespaceSelector-only peer selects; an empty one selects all namespaces', () => {
    const trusted = [policy({ podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { tier: 'trusted' } } }] }] })];
    expect(ingressAllowed(trusted, other, web, 8080)).toBe(true);
    expect(ingressAllowed(trusted, monitoring, web, 8080)).toBe(false);
    expect(ingressAllowed([policy({ podSelector: {}, ingress: [{ from: [{ namespaceSelector: {} }] }] })], monitoring, web, 8080)).toBe(true);
    expect(ingressAllowed([policy({ podSelector: {}, ingress: [{ from: [{ namespaceSelector: {} }] }] })], outside, web, 8080)).toBe(false);
  });

  it('needs both selectors of one peer, but either of two peers', () => {
    const namespace = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } };
    const prometheus = { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } } };
    const grafana = pod('monitoring', { 'app.kubernetes.io/name': 'grafana' });
    const samePeer = [policy({ podSelector: {}, ingress: [{ from: [{ ...namespace, ...prometheus }] }] })];
    expect(ingressAllowed(samePeer, monitoring, web, 8080)).toBe(true);
    expect(ingressAllowed(samePeer, grafana, web, 8080)).toBe(false);
    const twoPeers = [policy({ podSelector: {}, ingress: [{ from: [namespace, prometheus] }] })];
    expect(ingressAllowed(twoPeers, grafana, web, 8080)).toBe(true);
  });

  it('matches an ipBlock by CIDR minus its except entries', () => {
    const policies = [policy({ podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.8.0.0/16', except: ['10.8.255.0/24'] } }] }] })];
    expect(egressAllowed(policies, web, { kind: 'external', ip: '10.8.1.1' }, 443)).toBe(true);
    expect(egressAllowed(policies, web, { kind: 'external', ip: '10.8.255.7' }, 443)).toBe(false);
    expect(egressAllowed(policies, web, { kind: 'external', ip: '10.9.0.1' }, 443)).toBe(false);
    expect(egressAllowed([policy({ podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: 'fd00::/8' } }] }] })], web, { kind: 'external', ip: 'fd12::1' }, 443)).toBe(true);
  });
});

describe('ports', () => {
  const only = (ports: NonNullable<NetworkPolicy['spec']['ingress']>[number]['ports']) => [policy({ podSelector: {}, ingress: [{ ports }] })];

  it('matches a numeric port and protocol, TCP by default', () => {
    expect(ingressAllowed(only([{ port: 8080 }]), other, web, 8080)).toBe(true);
    expect(ingressAllowed(only([{ port: 8080 }]), other, web, 8080, 'UDP')).toBe(false);
    expect(ingressAllowed(only([{ port: 53, protocol: 'UDP' }]), other, web, 53, 'UDP')).toBe(true);
    expect(ingressAllowed(only([{ port: 8080 }]), other, web, 9090)).toBe(false);
  });

  it('resolves a named port on the destination pod, and nothing where the pod has no such port', () => {
    expect(ingressAllowed(only([{ port: 'http' }]), other, web, 8080)).toBe(true);
    expect(ingressAllowed(only([{ port: 'http' }]), other, web, 9090)).toBe(false);
    expect(ingressAllowed([policy({ podSelector: {}, ingress: [{ ports: [{ port: 'http' }] }] })], web, db, 8080)).toBe(false);
  });

  it('extends a numeric port to endPort and reads an absent port as every port of the protocol', () => {
    expect(ingressAllowed(only([{ port: 8000, endPort: 8100 }]), other, web, 8080)).toBe(true);
    expect(ingressAllowed(only([{ port: 8000, endPort: 8100 }]), other, web, 8101)).toBe(false);
    expect(ingressAllowed(only([{ protocol: 'TCP' }]), other, web, 12345)).toBe(true);
  });
});

/**
 * Least-privilege networking over the emitted tree of sample-repo and every golden fixture, evaluated
 * with Kubernetes' NetworkPolicy semantics (support/network-policy-evaluator.ts):
 * - the serving gateway reaches every model server on its serving port, and the platform's Prometheus
 *   every pod a PodMonitor scrapes on the scraped port (the named port, or the port the PodMonitor
 *   rewrites `__address__` to — prometheus-operator v0.93 `PodMetricsEndpoint`);
 * - every workload — model servers (KServe's storage-initializer shares their pod), pipeline pods
 *   (labelled `workflows.argoproj.io/workflow` by Argo's `createWorkflowPod`) and drift checks — reaches
 *   DNS and the destinations platform.yaml `network.egress` declares for its kind; KServe predictors
 *   their prediction-log sink, drift checks their Pushgateway and in-cluster prediction source;
 * - and nothing else: not an address on the internet (1.2.3.4:443, 8.8.8.8:53), not a pod of another
 *   team's namespace.
 */
import { describe, expect, it } from 'vitest';
import type { Platform } from '../../compiler/config/types.generated.ts';
import { urlEgressRule } from '../../compiler/emit/monitoring/drift-check-egress.ts';
import { ARGO_WORKFLOW_POD_LABEL } from '../../compiler/emit/tenancy/network-policies.ts';
import { destinationsOf, platformNetwork, type WorkloadKind } from '../../compiler/resolve/platform-network.ts';
import { parseCidr } from '../../compiler/support/cidr.ts';
import { SERVING_GATEWAY } from '../../compiler/support/serving-infrastructure.ts';
import { emittedCases, type PlainObject } from './support/emitted-objects.ts';
import { connectionAllowed, type Endpoint, egressAllowed, type NetworkPolicy, type Pod, pod } from './support/network-policy-evaluator.ts';
import { podMonitorProblems, podTemplates } from './support/scrape-targets.ts';

const cases = await emittedCases();

/** A destination's address: an IPv4 address inside the first CIDR and outside its `except` entries. */
function addressInside(cidr: string, except: readonly string[]): string {
  const block = parseCidr(cidr)!;
  const size = 1n << BigInt(block.bits - block.prefix);
  for (const offset of [1n, size / 2n + 1n, size - 2n]) {
    const value = block.base + (offset < size ? offset : 0n);
    const text = [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.');
    const excluded = except.some((entry) => {
      const inner = parseCidr(entry)!;
      return (value >> BigInt(32 - inner.prefix)) === inner.base >> BigInt(32 - inner.prefix);
    });
    if (!excluded) return text;
  }
  throw new Error(`no address of ${cidr} outside ${except.join(', ')}`);
}

interface Target {
  readonly what: string;
  readonly endpoint: Endpoint;
  readonly port: number;
}

interface Workload {
  readonly label: string;
  readonly pod: Pod;
  readonly policies: readonly NetworkPolicy[];
  readonly allowed: readonly Target[];
  readonly foreignNamespaces: readonly string[];
}

const KUBE_DNS = pod('kube-system', { 'k8s-app': 'kube-dns' });

function declaredTargets(config: Pick<Platform, 'network'>, kind: WorkloadKind): Target[] {
  return destinationsOf(platformNetwork(config), kind).flatMap((destination) => {
    const endpoints: Endpoint[] = destination.namespace !== undefined ? [pod(destination.namespace, destination.podLabels ?? {})] : (destination.cidrs ?? []).map((cidr) => ({ kind: 'external', ip: addressInside(cidr, destination.except ?? []) }));
    return endpoints.flatMap((endpoint) => destination.ports.map((port) => ({ what: `${kind} destination ${destination.name}`, endpoint, port })));
  });
}

function urlTarget(what: string, url: string | undefined): Target[] {
  const rule = url === undefined ? undefined : (urlEgressRule(url) as { ports: { port: number }[]; to: { namespaceSelector: { matchLabels: Record<string, string> } }[] } | undefined);
  if (!rule) return [];
  return [{ what, endpoint: pod(rule.to[0]!.namespaceSelector.matchLabels['kubernetes.io/metadata.name']!, {}), port: rule.ports[0]!.port }];
}

const workloads: Workload[] = [];
const scrapes: { label: string; policies: NetworkPolicy[]; prometheus: Pod; target: Pod; port: number }[] = [];
const gatewayRoutes: { label: string; policies: NetworkPolicy[]; target: Pod; port: number }[] = [];

for (const emitted of cases) {
  const platform = emitted.org.platform;
  const network = platformNetwork(platform.config);
  for (const cluster of [...new Set(emitted.manifests.map((manifest) => manifest.cluster))]) {
    const objects = emitted.manifests.filter((manifest) => manifest.cluster === cluster).map((manifest) => manifest.object as unknown as PlainObject);
    const policies = objects.filter((object) => object.kind === 'NetworkPolicy') as unknown as NetworkPolicy[];
    const namespaces = [...new Set(objects.filter((object) => object.kind === 'Namespace').map((object) => object.metadata!.name!))];
    const foreign = (namespace: string) => [...namespaces.filter((other) => other !== namespace), 'another-team-prod'];
    const label = (what: string) => `${emitted.name} ${cluster}: ${what}`;
    const templates = podTemplates(objects).filter((template) => template.labels['app.kubernetes.io/component'] === 'serving');
    const servingPod = (template: (typeof templates)[number]) => pod(template.namespace, template.labels, { namedPorts: Object.fromEntries(template.ports.filter((port) => port.name).map((port) => [port.name!, port.containerPort])) });
    for (const template of templates) {
      const target = servingPod(template);
      gatewayRoutes.push({ label: label(template.owner), policies, target, port: template.ports[0]!.containerPort });
      const isvc = objects.find((object) => `${object.kind}/${object.metadata?.name}` === template.owner.split('#')[0]);
      const predictors = isvc?.kind === 'InferenceService' ? [(isvc.spec as { predictor: { logger?: { url?: string } } }).predictor] : [];
      workloads.push({
        label: label(template.owner),
        pod: target,
        policies,
        allowed: [...declaredTargets(platform.config, 'serving'), ...predictors.flatMap((predictor) => urlTarget('prediction-log sink', predictor.logger?.url))],
        foreignNamespaces: foreign(template.namespace),
      });
    }
    for (const podMonitor of objects.filter((object) => object.kind === 'PodMonitor')) {
      const endpoint = (podMonitor.spec as { podMetricsEndpoints: { port: string; relabelings?: { targetLabel?: string; replacement?: string }[] }[] }).podMetricsEndpoints[0]!;
      const rewritten = endpoint.relabelings?.find((relabeling) => relabeling.targetLabel === '__address__')?.replacement?.split(':')[1];
      for (const selected of podMonitorProblems(podMonitor, templates).selected) {
        const named = selected.ports.find((port) => port.name === endpoint.port)?.containerPort;
        scrapes.push({ label: label(`${podMonitor.metadata?.name} → ${selected.owner}`), policies, prometheus: pod(network.prometheus.namespace, network.prometheus.podLabels), target: servingPod(selected), port: rewritten ? Number(rewritten) : named! });
      }
    }
    for (const cronJob of objects.filter((object) => object.kind === 'CronJob')) {
      const namespace = cronJob.metadata!.namespace!;
      const labels = (cronJob.spec as { jobTemplate: { spec: { template: { metadata: { labels: Record<string, string> } } } } }).jobTemplate.spec.template.metadata.labels;
      const configMap = objects.find((object) => object.kind === 'ConfigMap' && object.metadata?.namespace === namespace && object.metadata?.name === cronJob.metadata?.name);
      const config = JSON.parse((configMap as { data: Record<string, string> }).data['drift-check.json']!) as { inputs: { uri: string } };
      const pushgateway = platform.monitoring.pushgateway;
      workloads.push({
        label: label(`CronJob/${cronJob.metadata?.name}`),
        pod: pod(namespace, labels),
        policies,
        allowed: [{ what: 'Pushgateway', endpoint: pod(pushgateway.namespace, { 'app.kubernetes.io/name': 'prometheus-pushgateway' }), port: pushgateway.port }, ...urlTarget('prediction source', config.inputs.uri), ...declaredTargets(platform.config, 'driftChecks')],
        foreignNamespaces: foreign(namespace),
      });
    }
    for (const template of objects.filter((object) => object.kind === 'WorkflowTemplate')) {
      const namespace = template.metadata!.namespace!;
      workloads.push({
        label: label(`WorkflowTemplate/${template.metadata?.name}`),
        pod: pod(namespace, { [ARGO_WORKFLOW_POD_LABEL]: `${template.metadata?.name}-x7k2p`, ...template.metadata?.labels }),
        policies,
        allowed: declaredTargets(platform.config, 'pipelines'),
        foreignNamespaces: foreign(namespace),
      });
    }
  }
}

describe('ingress to model servers', () => {
  it.each(gatewayRoutes)('$label: the gateway reaches the serving port', ({ policies, target, port }) => {
    expect(connectionAllowed(policies, pod(SERVING_GATEWAY.namespace, { 'gateway.networking.k8s.io/gateway-name': SERVING_GATEWAY.name }), target, port)).toBe(true);
  });

  it.each(gatewayRoutes)('$label: a pod of another team does not', ({ policies, target, port }) => {
    expect(connectionAllowed(policies, pod('another-team-prod', {}), target, port)).toBe(false);
  });

  it.each(scrapes)('$label: Prometheus reaches the scraped port, other pods of its namespace do not', ({ policies, prometheus, target, port }) => {
    expect(connectionAllowed(policies, prometheus, target, port)).toBe(true);
    if (Object.keys(prometheus.labels).length > 0) expect(connectionAllowed(policies, pod(prometheus.namespace, { 'app.kubernetes.io/name': 'grafana' }), target, port)).toBe(false);
  });
});

describe.each(workloads)('$label', ({ pod: source, policies, allowed, foreignNamespaces }) => {
  it('resolves names through DNS', () => {
    expect(egressAllowed(policies, source, KUBE_DNS, 53, 'UDP')).toBe(true);
  });

  it('reaches what it needs', () => {
    const refused = allowed.filter((target) => !egressAllowed(policies, source, target.endpoint, target.port)).map((target) => `${target.what} :${target.port}`);
    expect(refused).toEqual([]);
  });

  it('reaches nothing else: not the internet, not another team', () => {
    expect(egressAllowed(policies, source, { kind: 'external', ip: '1.2.3.4' }, 443)).toBe(false);
    expect(egressAllowed(policies, source, { kind: 'external', ip: '8.8.8.8' }, 53, 'UDP')).toBe(false);
    for (const namespace of foreignNamespaces) {
      expect(egressAllowed(policies, source, pod(namespace, { 'app.kubernetes.io/component': 'serving' }), 8080), namespace).toBe(false);
    }
  });
});

it('covers every kind of workload, declared destinations, scrapes and the gateway', () => {
  expect(new Set(workloads.map((workload) => workload.label.split(': ')[1]!.split('/')[0]))).toEqual(new Set(['InferenceService', 'Deployment', 'CronJob', 'WorkflowTemplate']));
  expect(workloads.some((workload) => workload.allowed.some((target) => target.what.includes('destination') && target.endpoint.kind === 'external'))).toBe(true);
  expect(workloads.some((workload) => workload.allowed.some((target) => target.what.includes('destination') && target.endpoint.kind === 'pod'))).toBe(true);
  expect(scrapes.length).toBeGreaterThan(0);
  expect(gatewayRoutes.length).toBeGreaterThan(0);
});

/**
 * Which pods a PodMonitor or ServiceMonitor scrapes, resolved the way prometheus-operator v0.93 and
 * Kubernetes do:
 * - a PodMonitor endpoint's `port` keeps only targets whose `__meta_kubernetes_pod_container_port_name`
 *   equals it (`generatePodMonitorConfig` in `pkg/prometheus/promcfg.go`): the pod must declare a
 *   container port of that name;
 * - a ServiceMonitor endpoint's `port` names a port of the selected Service, whose `targetPort` must be
 *   a port the selected pods declare.
 * Pods are the templates of emitted Deployments and the predictor pods of emitted InferenceServices:
 * KServe copies `predictor.labels` onto them and runs `predictor.model` as the container (`ports` as
 * declared; a runtime's own container declares none — KServe v0.20 `config/runtimes/kserve-*.yaml`).
 */
import type { PlainObject } from './emitted-objects.ts';

/** A pod template as the scrape sees it. */
export interface PodTemplate {
  /** `<kind>/<name>` of the object that creates the pods (canary predictors: `…#canary`). */
  readonly owner: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly ports: readonly { readonly name?: string; readonly containerPort: number }[];
}

type Container = { ports?: { name?: string; containerPort: number }[] };

/** The pod templates of the emitted objects. */
export function podTemplates(objects: readonly PlainObject[]): PodTemplate[] {
  const templates: PodTemplate[] = [];
  for (const object of objects) {
    const namespace = object.metadata?.namespace ?? '';
    const owner = `${object.kind}/${object.metadata?.name}`;
    if (object.kind === 'Deployment') {
      const template = (object.spec as { template: { metadata?: { labels?: Record<string, string> }; spec: { containers: Container[] } } }).template;
      templates.push({ owner, namespace, labels: template.metadata?.labels ?? {}, ports: template.spec.containers.flatMap((container) => container.ports ?? []) });
    }
    if (object.kind === 'InferenceService') {
      const spec = object.spec as { predictor: Predictor; canary?: { predictor: Predictor }[] };
      const predictors: [string, Predictor][] = [[owner, spec.predictor], ...(spec.canary ?? []).map((canary): [string, Predictor] => [`${owner}#${canary.predictor.name ?? ''}`, canary.predictor])];
      for (const [name, predictor] of predictors) {
        templates.push({ owner: name, namespace, labels: predictor.labels ?? {}, ports: [...(predictor.model?.ports ?? []), ...(predictor.containers ?? []).flatMap((container) => container.ports ?? [])] });
      }
    }
  }
  return templates;
}

type Predictor = { name?: string; labels?: Record<string, string>; model?: Container; containers?: Container[] };

/** Whether `labels` carry every `matchLabels` entry. */
export function selects(matchLabels: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  return Object.entries(matchLabels).every(([key, value]) => labels[key] === value);
}

/** Problems of one PodMonitor against the pods of its namespaces: none selected, or a selected pod without the port. */
export function podMonitorProblems(podMonitor: PlainObject, pods: readonly PodTemplate[]): { selected: PodTemplate[]; problems: string[] } {
  const spec = podMonitor.spec as { namespaceSelector: { matchNames: string[] }; selector: { matchLabels: Record<string, string> }; podMetricsEndpoints: { port?: string }[] };
  const selected = pods.filter((pod) => spec.namespaceSelector.matchNames.includes(pod.namespace) && selects(spec.selector.matchLabels, pod.labels));
  const problems: string[] = [];
  if (selected.length === 0) problems.push('selects no pod');
  for (const endpoint of spec.podMetricsEndpoints) {
    if (!endpoint.port) problems.push('an endpoint names no port');
    for (const pod of selected) if (!pod.ports.some((port) => port.name === endpoint.port)) problems.push(`${pod.owner} declares no container port named ${JSON.stringify(endpoint.port)}`);
  }
  return { selected, problems };
}

/** Problems of one ServiceMonitor: no Service selected, a Service without the port, or a target port the pods do not declare. */
export function serviceMonitorProblems(serviceMonitor: PlainObject, services: readonly PlainObject[], pods: readonly PodTemplate[]): string[] {
  const spec = serviceMonitor.spec as { namespaceSelector: { matchNames: string[] }; selector: { matchLabels: Record<string, string> }; endpoints: { port?: string }[] };
  const selected = services.filter((service) => spec.namespaceSelector.matchNames.includes(service.metadata?.namespace ?? '') && selects(spec.selector.matchLabels, service.metadata?.labels ?? {}));
  if (selected.length === 0) return ['selects no Service'];
  const problems: string[] = [];
  for (const service of selected) {
    const serviceSpec = service.spec as { selector?: Record<string, string>; ports: { name?: string; targetPort?: number | string }[] };
    for (const endpoint of spec.endpoints) {
      const port = serviceSpec.ports.find((candidate) => candidate.name === endpoint.port);
      if (!port) {
        problems.push(`Service ${service.metadata?.name} has no port named ${JSON.stringify(endpoint.port)}`);
        continue;
      }
      const backends = pods.filter((pod) => pod.namespace === service.metadata?.namespace && selects(serviceSpec.selector ?? {}, pod.labels));
      for (const pod of backends) {
        if (!pod.ports.some((declared) => declared.containerPort === port.targetPort || declared.name === port.targetPort)) problems.push(`${pod.owner} does not declare target port ${port.targetPort} of Service ${service.metadata?.name}`);
      }
    }
  }
  return problems;
}

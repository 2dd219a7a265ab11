/**
 * Finds the pod specs inside every kind we emit, so Kubernetes rules check Deployments, Jobs,
 * CronJobs, KServe InferenceServices and Argo WorkflowTemplates/CronWorkflows alike.
 */
import type { KubernetesObject } from '../emit/manifest.ts';

/** A JSON object as read from a manifest. */
export type Fields = Readonly<Record<string, unknown>>;

/** One container of a pod spec. */
export interface ContainerView {
  readonly name: string;
  readonly fields: Fields;
  /** `init` containers do not serve traffic (no probes needed). */
  readonly kind: 'main' | 'init';
}

/** The pod-level settings and containers of one pod template. */
export interface PodSpecView {
  /** Where it is, for messages: `pod`, `predictor`, `template train`. */
  readonly role: string;
  /** The Argo template name, for workflow pods. */
  readonly template?: string;
  readonly securityContext?: Fields;
  readonly hostNetwork: boolean;
  readonly hostPID: boolean;
  readonly hostIPC: boolean;
  readonly volumes: readonly Fields[];
  readonly containers: readonly ContainerView[];
}

/** The value at `key` when it is a JSON object. */
export function fieldsAt(value: unknown, ...keys: string[]): Fields | undefined {
  let current: unknown = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Fields)[key];
  }
  return current !== null && typeof current === 'object' && !Array.isArray(current) ? (current as Fields) : undefined;
}

/** The value at `key` as a list of objects (empty when absent). */
export function listAt(value: Fields | undefined, key: string): Fields[] {
  const list = value?.[key];
  return Array.isArray(list) ? list.filter((item): item is Fields => item !== null && typeof item === 'object') : [];
}

function containersOf(spec: Fields, kind: ContainerView['kind'], key: string): ContainerView[] {
  return listAt(spec, key).map((fields, index) => ({ name: typeof fields.name === 'string' ? fields.name : `#${index}`, fields, kind }));
}

function podSpec(role: string, spec: Fields, extraContainers: readonly ContainerView[] = []): PodSpecView {
  const securityContext = fieldsAt(spec, 'securityContext');
  return {
    role,
    ...(securityContext ? { securityContext } : {}),
    hostNetwork: spec.hostNetwork === true,
    hostPID: spec.hostPID === true,
    hostIPC: spec.hostIPC === true,
    volumes: listAt(spec, 'volumes'),
    containers: [...containersOf(spec, 'init', 'initContainers'), ...containersOf(spec, 'main', 'containers'), ...extraContainers],
  };
}

/** KServe components are inline pod specs; `model` is the model-server container. */
function inferenceServiceComponents(spec: Fields, prefix: string): PodSpecView[] {
  const pods: PodSpecView[] = [];
  for (const component of ['predictor', 'transformer', 'explainer']) {
    const fields = fieldsAt(spec, component);
    if (!fields) continue;
    const model = fieldsAt(fields, 'model');
    const extra: ContainerView[] = model ? [{ name: 'kserve-container', fields: model, kind: 'main' }] : [];
    pods.push(podSpec(`${prefix}${component}`, fields, extra));
  }
  return pods;
}

/** The components of an InferenceService, and of each entry of its `canary` list when it has one. */
function inferenceServicePods(spec: Fields): PodSpecView[] {
  return [...inferenceServiceComponents(spec, ''), ...listAt(spec, 'canary').flatMap((canary) => inferenceServiceComponents(canary, 'canary '))];
}

/** Argo: each template with a container/script/containerSet is a pod; pod settings come from the template or workflow spec. */
function workflowPods(workflowSpec: Fields): PodSpecView[] {
  const pods: PodSpecView[] = [];
  for (const template of listAt(workflowSpec, 'templates')) {
    const containers: ContainerView[] = [];
    const container = fieldsAt(template, 'container');
    if (container) containers.push({ name: typeof container.name === 'string' ? container.name : 'main', fields: container, kind: 'main' });
    const script = fieldsAt(template, 'script');
    if (script) containers.push({ name: typeof script.name === 'string' ? script.name : 'main', fields: script, kind: 'main' });
    containers.push(...containersOf(fieldsAt(template, 'containerSet') ?? {}, 'main', 'containers'));
    containers.push(...containersOf(template, 'init', 'initContainers'));
    if (containers.length === 0) continue;
    const securityContext = fieldsAt(template, 'securityContext') ?? fieldsAt(workflowSpec, 'securityContext');
    const name = typeof template.name === 'string' ? template.name : undefined;
    pods.push({
      role: `template ${name ?? ''}`.trim(),
      ...(name ? { template: name } : {}),
      ...(securityContext ? { securityContext } : {}),
      hostNetwork: workflowSpec.hostNetwork === true || template.hostNetwork === true,
      hostPID: template.hostPID === true,
      hostIPC: template.hostIPC === true,
      volumes: [...listAt(workflowSpec, 'volumes'), ...listAt(template, 'volumes')],
      containers,
    });
  }
  return pods;
}

/** Every pod template in an object; empty for kinds that run no pods. */
export function podSpecsOf(object: KubernetesObject): PodSpecView[] {
  const spec = fieldsAt(object, 'spec');
  if (!spec) return [];
  switch (object.kind) {
    case 'Pod':
      return [podSpec('pod', spec)];
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job': {
      const pod = fieldsAt(spec, 'template', 'spec');
      return pod ? [podSpec('pod', pod)] : [];
    }
    case 'CronJob': {
      const pod = fieldsAt(spec, 'jobTemplate', 'spec', 'template', 'spec');
      return pod ? [podSpec('pod', pod)] : [];
    }
    case 'InferenceService':
      return inferenceServicePods(spec);
    case 'Workflow':
    case 'WorkflowTemplate':
    case 'ClusterWorkflowTemplate':
      return workflowPods(spec);
    case 'CronWorkflow': {
      const workflowSpec = fieldsAt(spec, 'workflowSpec');
      return workflowSpec ? workflowPods(workflowSpec) : [];
    }
    default:
      return [];
  }
}

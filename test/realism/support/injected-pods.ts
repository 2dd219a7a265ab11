/**
 * The pods the controllers create from emitted objects, with the containers they inject, as the
 * controllers are configured by the cluster's platform bootstrap (`clusters/<cluster>/platform/`):
 *
 * - KServe v0.20.0 predictors (`pkg/webhook/admission/pod/`): `storage-initializer` for a downloaded
 *   `storageUri` (storage_initializer_injector.go `InjectStorageInitializer`: the ClusterStorageContainer
 *   named by `storageContainerName`, else KServe's `default`, strategic-merged over the base container
 *   `utils.CreateInitContainerWithConfig` builds, which has no securityContext); `agent` when `logger` or
 *   `batcher` is set (agent_injector.go `InjectAgent`: `SecurityContext: pod.Spec.Containers[0].SecurityContext.DeepCopy()`);
 *   Knative mode adds Knative Serving's `queue-proxy` (knative-v1.22.1
 *   `pkg/reconciler/revision/resources/queue.go` `queueSecurityContext`).
 * - Argo Workflows v4.1.2 step pods (`workflow/controller/workflowpod.go` `createWorkflowPod`): the
 *   `init` init container and the `wait` container from `newExecContainer` (securityContext from the
 *   controller configuration's `executor`), `main`, the `var-run-argo` and `tmp-dir-argo` emptyDirs;
 *   the pod securityContext is the template's, else the workflow's.
 */
import { parse } from 'yaml';
import type { Yaml, Container, Pod } from './pod-security-standard.ts';

/** KServe's own `default` ClusterStorageContainer (charts/kserve-resources/files/common/storagecontainer.yaml at v0.20.0): no securityContext. */
export const KSERVE_DEFAULT_STORAGE_CONTAINER = {
  metadata: { name: 'default' },
  spec: {
    container: { image: 'kserve/storage-initializer:latest', imagePullPolicy: 'IfNotPresent', name: 'storage-initializer', resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '100m', memory: '100Mi' } } },
    supportedUriFormats: [{ prefix: 'gs://' }, { prefix: 's3://' }, { prefix: 'hdfs://' }, { prefix: 'hf://' }, { prefix: 'webhdfs://' }, { regex: 'https://(.+?).blob.core.windows.net/(.+)' }, { regex: 'https://(.+?).file.core.windows.net/(.+)' }, { regex: 'https?://(.+)/(.+)' }],
    workloadType: 'initContainer',
  },
};

/** Knative Serving's queue-proxy securityContext (`queueSecurityContext`, knative-v1.22.1). */
export const KNATIVE_QUEUE_SECURITY_CONTEXT = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } };

/** How a cluster's controllers are configured. */
export interface ControllerConfig {
  /** ClusterStorageContainers on the cluster (KServe's `default` plus the bootstrap's). */
  readonly storageContainers: readonly Record<string, Yaml>[];
  /** The workflow controller's `executor` setting (`{}` when the ConfigMap sets none). */
  readonly argoExecutor: Record<string, Yaml>;
}

/** The controller configuration a cluster's bootstrap objects give (KServe's `default` ClusterStorageContainer always present). */
export function controllerConfig(bootstrap: readonly Record<string, Yaml>[]): ControllerConfig {
  const configMap = bootstrap.find((object) => object.kind === 'ConfigMap' && object.metadata?.name === 'workflow-controller-configmap');
  return {
    storageContainers: [KSERVE_DEFAULT_STORAGE_CONTAINER, ...bootstrap.filter((object) => object.kind === 'ClusterStorageContainer')],
    argoExecutor: configMap?.data?.executor ? (parse(configMap.data.executor) as Record<string, Yaml>) : {},
  };
}

/** Field-wise merge of plain maps, the overlay winning (how a strategic merge treats securityContext). */
function mergeMaps(base: Yaml, overlay: Yaml): Yaml {
  if (typeof base !== 'object' || base === null || Array.isArray(base) || typeof overlay !== 'object' || overlay === null || Array.isArray(overlay)) return overlay ?? base;
  const merged: Record<string, Yaml> = { ...base };
  for (const [key, value] of Object.entries(overlay)) merged[key] = mergeMaps(base[key], value);
  return merged;
}

function supports(storageContainer: Record<string, Yaml>, uri: string): boolean {
  return (storageContainer.spec.supportedUriFormats ?? []).some((format: Yaml) => (format.prefix ? uri.startsWith(format.prefix) : new RegExp(format.regex).test(uri)));
}

/**
 * The storage initializer KServe injects for `uri`, or undefined for URIs it mounts (`pvc://`). Throws
 * when a named ClusterStorageContainer is missing or does not list the URI (KServe refuses the pod) and
 * for `oci://` (modelcar injection, not modelled here).
 */
export function storageInitializer(uri: string, storageContainerName: string | undefined, config: ControllerConfig): Container | undefined {
  if (uri.startsWith('pvc://')) return undefined;
  if (uri.startsWith('oci://')) throw new Error(`modelcar injection for ${uri} is not modelled`);
  const chosen = storageContainerName
    ? config.storageContainers.find((candidate) => candidate.metadata.name === storageContainerName)
    : config.storageContainers.find((candidate) => candidate.spec.workloadType === 'initContainer' && supports(candidate, uri));
  if (!chosen) throw new Error(`no ClusterStorageContainer ${storageContainerName ?? `supporting ${uri}`} on the cluster: KServe refuses the pod`);
  if (!supports(chosen, uri)) throw new Error(`ClusterStorageContainer ${chosen.metadata.name} does not support ${uri}: KServe refuses the pod`);
  const base: Container = { name: 'storage-initializer', image: 'kserve/storage-initializer:v0.20.0', args: [uri, '/mnt/models'], resources: {} };
  return mergeMaps(base, chosen.spec.container);
}

const COMPONENT_FIELDS = new Set(['minReplicas', 'maxReplicas', 'scaleTarget', 'scaleMetric', 'scaleMetricType', 'autoScaling', 'containerConcurrency', 'timeout', 'canaryTrafficPercent', 'logger', 'batcher', 'labels', 'annotations', 'deploymentStrategy', 'name', 'storageUris', 'storageContainerName', 'workerSpec', 'model', 'containers']);

/** The pod of a KServe predictor (stable or canary) with everything KServe and Knative inject. */
export function predictorPod(predictor: Record<string, Yaml>, mode: string, config: ControllerConfig): Pod {
  const spec: Record<string, Yaml> = {};
  for (const [key, value] of Object.entries(predictor)) if (!COMPONENT_FIELDS.has(key)) spec[key] = value;
  const model = predictor.model ? { ...predictor.model, name: 'kserve-container' } : undefined;
  const { modelFormat: _format, runtime: _runtime, storageUri, protocolVersion: _protocol, ...modelContainer } = model ?? {};
  const containers: Container[] = [...(model ? [modelContainer] : []), ...(predictor.containers ?? [])];
  if (containers.length === 0) throw new Error('predictor without a container');
  const initContainers: Container[] = [];
  const volumes = [...(spec.volumes ?? [])];
  if (storageUri) {
    const initializer = storageInitializer(storageUri, predictor.storageContainerName, config);
    if (initializer) {
      initContainers.push(initializer);
      volumes.push({ name: 'kserve-provision-location', emptyDir: {} });
    }
  }
  if (predictor.logger || predictor.batcher) {
    containers.push({ name: 'agent', ports: [{ name: 'agent-port', containerPort: 9081, protocol: 'TCP' }], securityContext: structuredClone(containers[0]!.securityContext) });
  }
  if (mode === 'Knative') containers.push({ name: 'queue-proxy', securityContext: structuredClone(KNATIVE_QUEUE_SECURITY_CONTEXT) });
  return { spec: { ...spec, containers, initContainers: [...(spec.initContainers ?? []), ...initContainers], volumes } };
}

/** The executor container Argo builds (`newExecContainer`) from the controller's `executor` setting. */
function executorContainer(name: string, executor: Record<string, Yaml>): Container {
  return { name, image: 'quay.io/argoproj/argoexec:v4.1.2', ...(executor.securityContext ? { securityContext: structuredClone(executor.securityContext) } : {}), ...(executor.resources ? { resources: executor.resources } : {}) };
}

/** The pod of one container template of a workflow spec, with Argo's init and wait containers. Throws on what the model does not cover. */
export function workflowStepPod(workflowSpec: Record<string, Yaml>, template: Record<string, Yaml>, config: ControllerConfig): Pod {
  if (workflowSpec.podSpecPatch || template.podSpecPatch) throw new Error('podSpecPatch is not modelled');
  if (!template.container) throw new Error(`template ${template.name} is not a container template`);
  const pick = (field: string) => template[field] ?? workflowSpec[field];
  return {
    ...(template.metadata?.annotations || workflowSpec.podMetadata?.annotations ? { metadata: { annotations: { ...workflowSpec.podMetadata?.annotations, ...template.metadata?.annotations } } } : {}),
    spec: {
      ...(pick('securityContext') ? { securityContext: pick('securityContext') } : {}),
      ...(pick('hostNetwork') !== undefined ? { hostNetwork: pick('hostNetwork') } : {}),
      initContainers: [executorContainer('init', config.argoExecutor), ...(template.initContainers ?? [])],
      containers: [executorContainer('wait', config.argoExecutor), { ...template.container, name: 'main' }, ...(template.sidecars ?? [])],
      volumes: [{ name: 'var-run-argo', emptyDir: {} }, { name: 'tmp-dir-argo', emptyDir: {} }, ...(workflowSpec.volumes ?? []), ...(template.volumes ?? [])],
    },
  };
}

/** A pod under test and where it came from. */
export interface LabelledPod {
  readonly label: string;
  readonly pod: Pod;
}

/** Every pod an emitted object makes (none for kinds that make none). */
export function podsOf(object: Record<string, Yaml>, config: ControllerConfig): LabelledPod[] {
  const kind = object.kind as string;
  const template = (value: Yaml): Pod => ({ ...(value.metadata?.annotations ? { metadata: { annotations: value.metadata.annotations } } : {}), spec: value.spec });
  switch (kind) {
    case 'Pod':
      return [{ label: 'pod', pod: { spec: object.spec } }];
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      return [{ label: 'template', pod: template(object.spec.template) }];
    case 'CronJob':
      return [{ label: 'jobTemplate', pod: template(object.spec.jobTemplate.spec.template) }];
    case 'WorkflowTemplate':
    case 'Workflow':
    case 'CronWorkflow': {
      const spec = kind === 'CronWorkflow' ? object.spec.workflowSpec : object.spec;
      return (spec.templates ?? []).filter((step: Yaml) => step.container || step.script || step.containerSet).map((step: Yaml) => {
        if (!step.container) throw new Error(`${kind} template ${step.name}: only container templates are modelled`);
        return { label: `template ${step.name}`, pod: workflowStepPod(spec, step, config) };
      });
    }
    case 'InferenceService': {
      const mode = object.metadata?.annotations?.['serving.kserve.io/deploymentMode'] ?? 'Knative';
      const pods: LabelledPod[] = [{ label: 'predictor', pod: predictorPod(object.spec.predictor, mode, config) }];
      for (const [index, canary] of (object.spec.canary ?? []).entries()) pods.push({ label: `canary[${index}]`, pod: predictorPod(canary.predictor, mode, config) });
      for (const component of ['transformer', 'explainer']) if (object.spec[component]) throw new Error(`${component} pods are not modelled`);
      return pods;
    }
    default:
      if (object.spec?.template?.spec?.containers) throw new Error(`${kind} has a pod template this model does not know`);
      return [];
  }
}

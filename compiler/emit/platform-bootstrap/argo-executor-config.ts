/**
 * Argo Workflows' executor (the `init` and `wait` containers of every step pod) under the "restricted"
 * Pod Security Standard. Argo Workflows v4.1.2 gives them the securityContext of the workflow
 * controller's configuration `executor` key (`newExecContainer` in `workflow/controller/workflowpod.go`:
 * `SecurityContext: woc.controller.Config.GetExecutor().SecurityContext`), empty by default — so step
 * pods break `restricted`. The bootstrap carries the controller's ConfigMap with one set.
 */
import type { KubernetesObject } from '../manifest.ts';
import { toYaml } from '../render.ts';
import type { ResolvedPodSecurity } from '../../resolve/pod-security-settings.ts';
import { bootstrapLabels } from './bootstrap-labels.ts';

/** The ConfigMap the workflow controller reads (its `--configmap` flag's default). */
export const WORKFLOW_CONTROLLER_CONFIG_MAP = 'workflow-controller-configmap';

/**
 * The executor's container securityContext. No `runAsUser`: the pod's applies (steps and executor share
 * the emissary's files under `/var/run/argo`). No `readOnlyRootFilesystem`: Argo leaves it off for
 * init/wait itself (the TODO on argoproj/argo-workflows#10787 beside `MinimalCtrSC`).
 */
export const EXECUTOR_SECURITY_CONTEXT: Readonly<Record<string, unknown>> = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  privileged: false,
  runAsNonRoot: true,
  seccompProfile: { type: 'RuntimeDefault' },
};

/** The `executor` settings (requests and limits for the LimitRange-free case, and the securityContext). */
export function executorSettings(): Record<string, unknown> {
  return {
    resources: { limits: { cpu: '500m', memory: '512Mi' }, requests: { cpu: '100m', memory: '64Mi' } },
    securityContext: structuredClone(EXECUTOR_SECURITY_CONTEXT),
  };
}

/** `workflow-controller-configmap` with the `executor` key (each key of it is a YAML document, as Argo reads it). */
export function workflowControllerConfigMap(settings: Pick<ResolvedPodSecurity, 'argoNamespace'>): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: WORKFLOW_CONTROLLER_CONFIG_MAP, namespace: settings.argoNamespace, labels: bootstrapLabels(WORKFLOW_CONTROLLER_CONFIG_MAP) },
    data: { executor: toYaml(executorSettings()) },
  };
}

/**
 * Per-step scheduling and run limits of a pipeline step's Argo template. Argo Workflows v4.1.2 takes a
 * template's `nodeSelector` and `tolerations` *instead of* the workflow's (`createWorkflowPod` in
 * `workflow/controller/workflowpod.go`: `tmpl.NodeSelector` first, then `wfSpec.NodeSelector`), so a GPU
 * step carries the cluster's placement merged with platform.yaml `scheduling.gpu`.
 */
import type { ResolvedCluster, ResolvedStep } from '../../resolve/resolved-org.ts';
import type { ResolvedScheduling } from '../../resolve/scheduling-settings.ts';
import { clusterScheduling } from './cluster-scheduling.ts';

/** Base delay and cap of the exponential backoff between retries. */
export const RETRY_BACKOFF = { duration: '1m', factor: 2, cap: '10m' } as const;

/**
 * The template fields placing a GPU step (cluster placement + `scheduling.gpu`; GPU settings win on a
 * shared node-selector key, tolerations are the union); nothing for a CPU-only step, which inherits
 * the workflow's placement.
 */
export function gpuStepScheduling(step: Pick<ResolvedStep, 'resources'>, cluster: Pick<ResolvedCluster, 'nodeSelector' | 'tolerations'>, scheduling: ResolvedScheduling): Record<string, unknown> {
  if (step.resources.gpu <= 0) return {};
  const seen = new Set<string>();
  const tolerations = [...cluster.tolerations, ...scheduling.gpu.tolerations].filter((toleration) => {
    const key = JSON.stringify([toleration.key, toleration.value ?? null, toleration.effect ?? null]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return clusterScheduling({ nodeSelector: { ...cluster.nodeSelector, ...scheduling.gpu.nodeSelector }, tolerations });
}

/**
 * `retryStrategy` and `activeDeadlineSeconds` of a step. Retries are `OnError` (Argo's word for a pod
 * that died of something other than its own exit code: a lost, drained or preempted node), with
 * exponential backoff; a step failing on its own is
 * not run again. No `affinity.nodeAntiAffinity`: on a cluster with one GPU node it would leave the retry
 * unschedulable. The deadline bounds each attempt's pod.
 */
export function stepRunLimits(step: Pick<ResolvedStep, 'retries' | 'timeoutSeconds'>): Record<string, unknown> {
  return {
    activeDeadlineSeconds: step.timeoutSeconds,
    ...(step.retries > 0 ? { retryStrategy: { backoff: { ...RETRY_BACKOFF }, limit: step.retries, retryPolicy: 'OnError' } } : {}),
  };
}

/**
 * platform.yaml `podSecurity` and `scheduling` with their defaults: the Pod Security level team
 * namespaces enforce, what each cluster's platform bootstrap sets so injected containers pass it, and
 * where GPU pipeline steps are scheduled.
 */
import type { Platform } from '../config/types.generated.ts';
import type { Toleration } from './resolved-org.ts';
import { EMPTY_RECORD } from '../support/own.ts';

/** KServe's storage initializer at the KServe version the output targets (v0.20.0). */
export const DEFAULT_STORAGE_INITIALIZER_IMAGE = 'kserve/storage-initializer:v0.20.0';

/** The taint GPU node pools carry by convention (the GPU resource name, `NoSchedule`), tolerated by default. */
export const DEFAULT_GPU_TOLERATIONS: readonly Toleration[] = [{ key: 'nvidia.com/gpu', effect: 'NoSchedule' }];

/** Pod Security settings with defaults applied. */
export interface ResolvedPodSecurity {
  /** Level the `pod-security.kubernetes.io/enforce` label sets; `warn` and `audit` are always `restricted`. */
  readonly enforce: 'restricted' | 'baseline';
  /** Image of the bootstrap's ClusterStorageContainer. */
  readonly storageInitializerImage: string;
  /** Whether the bootstrap carries Argo's `workflow-controller-configmap` (`emit`) or the platform sets it (`external`). */
  readonly argoExecutor: 'emit' | 'external';
  /** Namespace of Argo Workflows' controller. */
  readonly argoNamespace: string;
}

/** Scheduling settings with defaults applied. */
export interface ResolvedScheduling {
  /** Placement of pipeline steps that request GPUs. */
  readonly gpu: { readonly nodeSelector: Readonly<Record<string, string>>; readonly tolerations: readonly Toleration[] };
}

/** `podSecurity` with defaults. */
export function resolvePodSecurity(config: Platform): ResolvedPodSecurity {
  const declared = config.podSecurity;
  return {
    enforce: declared?.enforce ?? 'restricted',
    storageInitializerImage: declared?.storageInitializerImage ?? DEFAULT_STORAGE_INITIALIZER_IMAGE,
    argoExecutor: declared?.argoExecutor ?? 'emit',
    argoNamespace: declared?.argoNamespace ?? 'argo',
  };
}

/** `scheduling` with defaults: GPU steps tolerate the `nvidia.com/gpu` taint unless the platform says otherwise. */
export function resolveScheduling(config: Platform): ResolvedScheduling {
  const gpu = config.scheduling?.gpu;
  return { gpu: { nodeSelector: gpu?.nodeSelector ?? EMPTY_RECORD, tolerations: gpu?.tolerations ?? DEFAULT_GPU_TOLERATIONS } };
}

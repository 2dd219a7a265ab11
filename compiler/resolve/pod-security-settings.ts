/**
 * platform.yaml `podSecurity` with its defaults: the Pod Security level team namespaces enforce and
 * what each cluster's platform bootstrap sets so injected containers pass it.
 */
import type { Platform } from '../config/types.generated.ts';

/** KServe's storage initializer at the KServe version the output targets (v0.20.0). */
export const DEFAULT_STORAGE_INITIALIZER_IMAGE = 'kserve/storage-initializer:v0.20.0';

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

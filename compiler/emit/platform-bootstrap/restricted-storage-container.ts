/**
 * KServe's model downloader under the "restricted" Pod Security Standard. KServe v0.20.0 injects the
 * `storage-initializer` init container (`CommonStorageInitialization` in
 * `pkg/webhook/admission/pod/storage_initializer_injector.go`) with no securityContext of its own and
 * strategic-merges the chosen ClusterStorageContainer's `spec.container` over it; the `default`
 * ClusterStorageContainer KServe installs sets none, so the pod breaks `restricted`
 * (`allowPrivilegeEscalation`, `capabilities`). The bootstrap emits one that sets it, and predictors name
 * it in `storageContainerName` (when no name is given, KServe takes the first ClusterStorageContainer
 * of an unordered list that supports the URI, so a second one alone would be chosen at random).
 */
import type { KubernetesObject } from '../manifest.ts';
import type { ResolvedPodSecurity } from '../../resolve/pod-security-settings.ts';
import { bootstrapLabels } from './bootstrap-labels.ts';

/** Name of the ClusterStorageContainer the bootstrap emits and predictors select. */
export const RESTRICTED_STORAGE_CONTAINER = 'cirrus-mlops-restricted';

/** Container securityContext the storage initializer runs with: what "restricted" asks of a container; the pod's user applies. */
export const STORAGE_INITIALIZER_SECURITY_CONTEXT: Readonly<Record<string, unknown>> = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  privileged: false,
  runAsNonRoot: true,
  seccompProfile: { type: 'RuntimeDefault' },
};

/** The URIs KServe's own `default` ClusterStorageContainer downloads (`charts/kserve-resources/files/common/storagecontainer.yaml`). */
export const SUPPORTED_URI_FORMATS: readonly Readonly<{ prefix?: string; regex?: string }>[] = [
  { prefix: 'gs://' },
  { prefix: 's3://' },
  { prefix: 'hdfs://' },
  { prefix: 'hf://' },
  { prefix: 'webhdfs://' },
  { regex: 'https://(.+?).blob.core.windows.net/(.+)' },
  { regex: 'https://(.+?).file.core.windows.net/(.+)' },
  { regex: 'https?://(.+)/(.+)' },
];

/**
 * The ClusterStorageContainer for a storage URI, or undefined when the URI needs none: `pvc://` is
 * mounted directly and `oci://` runs as a modelcar, and naming a storage container that does not list
 * the URI makes KServe refuse the pod (`GetStorageContainerSpecByName`).
 */
export function storageContainerFor(storageUri: string): string | undefined {
  const supported = SUPPORTED_URI_FORMATS.some((format) => (format.prefix !== undefined ? storageUri.startsWith(format.prefix) : new RegExp(format.regex!).test(storageUri)));
  return supported ? RESTRICTED_STORAGE_CONTAINER : undefined;
}

/** The ClusterStorageContainer object (cluster-scoped). */
export function restrictedStorageContainer(settings: Pick<ResolvedPodSecurity, 'storageInitializerImage'>): KubernetesObject {
  return {
    apiVersion: 'serving.kserve.io/v1alpha1',
    kind: 'ClusterStorageContainer',
    metadata: { name: RESTRICTED_STORAGE_CONTAINER, labels: bootstrapLabels(RESTRICTED_STORAGE_CONTAINER) },
    spec: {
      container: {
        image: settings.storageInitializerImage,
        imagePullPolicy: 'IfNotPresent',
        name: 'storage-initializer',
        resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '100m', memory: '100Mi' } },
        securityContext: structuredClone(STORAGE_INITIALIZER_SECURITY_CONTEXT),
      },
      supportedUriFormats: SUPPORTED_URI_FORMATS.map((format) => ({ ...format })),
      supportsMultiModelDownload: true,
      workloadType: 'initContainer',
    },
  };
}

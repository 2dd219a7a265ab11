/** k8s/no-default-namespace: namespaced objects never land in `default` (or no namespace). */
import type { ManifestRule } from '../../rule.ts';

/** Kinds that live outside namespaces. */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
  'GatewayClass',
  'ClusterWorkflowTemplate',
  'ClusterServingRuntime',
  'ClusterStorageContainer',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
]);

/** The rule. */
export const noDefaultNamespace: ManifestRule = {
  id: 'k8s/no-default-namespace',
  scope: 'manifest',
  title: 'No default namespace',
  description: 'Objects without a namespace are applied to `default`, outside every team\'s quota, RBAC and NetworkPolicy.',
  fix: 'Give the object the team namespace (`<team>-<environment>`).',
  defaultMode: 'enforce',
  check({ manifest }) {
    const object = manifest.object;
    if (CLUSTER_SCOPED_KINDS.has(object.kind)) return [];
    const namespace = object.metadata.namespace;
    if (namespace === undefined || namespace === '') return [{ message: 'has no namespace, so it would land in "default".' }];
    if (namespace === 'default') return [{ message: 'is in the "default" namespace.' }];
    return [];
  },
};

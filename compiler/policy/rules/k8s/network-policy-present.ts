/** k8s/network-policy-present: every team namespace has a NetworkPolicy. */
import type { ManifestRule } from '../../rule.ts';

/** The rule. */
export const networkPolicyPresent: ManifestRule = {
  id: 'k8s/network-policy-present',
  scope: 'manifest',
  title: 'NetworkPolicy present',
  description: 'Without a NetworkPolicy every pod in a namespace accepts traffic from anywhere in the cluster. Each team namespace gets a default-deny policy plus the allowances serving needs.',
  fix: 'Emit a NetworkPolicy in the namespace (tenancy output does this for every team × environment).',
  defaultMode: 'enforce',
  check({ manifest }, { index }) {
    const object = manifest.object;
    if (object.kind !== 'Namespace') return [];
    if (index.inNamespace(manifest.cluster, object.metadata.name, 'NetworkPolicy').length > 0) return [];
    return [{ message: `has no NetworkPolicy.` }];
  },
};

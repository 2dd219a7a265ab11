/** k8s/no-host-namespaces: pods do not share the node's network, PID or IPC namespace. */
import type { ManifestRule } from '../../rule.ts';

/** The rule. */
export const noHostNamespaces: ManifestRule = {
  id: 'k8s/no-host-namespaces',
  scope: 'manifest',
  podsOnly: true,
  title: 'No host namespaces',
  description: '`hostNetwork`, `hostPID` and `hostIPC` let a pod see and talk to everything on the node, bypassing NetworkPolicies and process isolation.',
  fix: 'Remove `hostNetwork`, `hostPID` and `hostIPC` (or set them to false).',
  defaultMode: 'enforce',
  waivable: false,
  check({ pods }) {
    return pods.flatMap((pod) =>
      (['hostNetwork', 'hostPID', 'hostIPC'] as const).filter((field) => pod[field]).map((field) => ({ pod, message: `${pod.role} sets ${field}: true.` })),
    );
  },
};

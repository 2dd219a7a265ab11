/** k8s/no-host-port: containers do not bind ports on the node. */
import type { ManifestRule } from '../../rule.ts';
import { listAt } from '../../pod-specs.ts';
import { describeContainer, eachContainer } from './container-fields.ts';

/** The rule. */
export const noHostPort: ManifestRule = {
  id: 'k8s/no-host-port',
  scope: 'manifest',
  podsOnly: true,
  title: 'No host ports',
  description: 'A `hostPort` exposes the container on the node\'s address, bypassing Services and NetworkPolicies, and limits scheduling to one pod per node.',
  fix: 'Remove `hostPort`; expose the container through a Service.',
  defaultMode: 'enforce',
  check({ pods }) {
    return eachContainer(pods).flatMap(({ pod, container }) =>
      listAt(container.fields, 'ports')
        .filter((port) => port.hostPort !== undefined && port.hostPort !== 0)
        .map((port) => ({ pod, message: `${describeContainer(pod, container)} binds host port ${String(port.hostPort)}.` })),
    );
  },
};

/** k8s/no-host-path: no hostPath volumes. */
import type { ManifestRule } from '../../rule.ts';

/** The rule. */
export const noHostPath: ManifestRule = {
  id: 'k8s/no-host-path',
  scope: 'manifest',
  podsOnly: true,
  title: 'No hostPath volumes',
  description: 'A hostPath volume mounts a directory of the node into the pod: it can read other workloads\' data and credentials, or the container runtime socket.',
  fix: 'Use an `emptyDir`, a PersistentVolumeClaim, or the model storage URI instead.',
  defaultMode: 'enforce',
  check({ pods }) {
    return pods.flatMap((pod) =>
      pod.volumes.filter((volume) => volume.hostPath !== undefined).map((volume) => ({ pod, message: `${pod.role} mounts hostPath volume "${String(volume.name ?? '')}".` })),
    );
  },
};

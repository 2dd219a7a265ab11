/** k8s/run-as-non-root: containers must not run as UID 0. */
import type { ManifestRule } from '../../rule.ts';
import { describeContainer, eachContainer, effectiveSecurity } from './container-fields.ts';

/** The rule. */
export const runAsNonRoot: ManifestRule = {
  id: 'k8s/run-as-non-root',
  scope: 'manifest',
  podsOnly: true,
  title: 'Run as non-root',
  description: 'Every container must set `runAsNonRoot: true` (or a non-zero `runAsUser`) in its own or its pod\'s securityContext. A process running as root inside a container is one kernel bug away from root on the node.',
  fix: 'Set `securityContext.runAsNonRoot: true` (and a `runAsUser`) on the pod or container; build images with a non-root `USER`.',
  defaultMode: 'enforce',
  check({ pods }) {
    return eachContainer(pods)
      .filter(({ pod, container }) => {
        const user = effectiveSecurity(pod, container, 'runAsUser');
        return effectiveSecurity(pod, container, 'runAsNonRoot') !== true && !(typeof user === 'number' && user > 0);
      })
      .map(({ pod, container }) => ({ pod, message: `${describeContainer(pod, container)} may run as root; set securityContext.runAsNonRoot: true.` }));
  },
};

/** k8s/seccomp-profile: pods run with the RuntimeDefault (or a Localhost) seccomp profile. */
import type { ManifestRule } from '../../rule.ts';
import { describeContainer, eachContainer, effectiveSecurity } from './container-fields.ts';

const ALLOWED = new Set(['RuntimeDefault', 'Localhost']);

/** The rule. */
export const seccompProfile: ManifestRule = {
  id: 'k8s/seccomp-profile',
  scope: 'manifest',
  podsOnly: true,
  title: 'Seccomp profile',
  description: 'Without a seccomp profile a container may make every system call, including rarely used ones that carry most kernel exploits. `RuntimeDefault` blocks them at no cost to ordinary programs.',
  fix: 'Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod.',
  defaultMode: 'enforce',
  check({ pods }) {
    return eachContainer(pods)
      .filter(({ pod, container }) => {
        const profile = effectiveSecurity(pod, container, 'seccompProfile') as { type?: unknown } | undefined;
        return !(typeof profile?.type === 'string' && ALLOWED.has(profile.type));
      })
      .map(({ pod, container }) => ({ pod, message: `${describeContainer(pod, container)} has no RuntimeDefault seccomp profile.` }));
  },
};

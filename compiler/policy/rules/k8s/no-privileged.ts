/** k8s/no-privileged: no privileged containers. */
import type { ManifestRule } from '../../rule.ts';
import { containerSecurity, describeContainer, eachContainer } from './container-fields.ts';

/** The rule. */
export const noPrivileged: ManifestRule = {
  id: 'k8s/no-privileged',
  scope: 'manifest',
  podsOnly: true,
  title: 'No privileged containers',
  description: 'A privileged container has every capability and access to all host devices; it is equivalent to root on the node.',
  fix: 'Remove `securityContext.privileged: true`; grant only the specific capability needed, if any.',
  defaultMode: 'enforce',
  waivable: false,
  check({ pods }) {
    return eachContainer(pods)
      .filter(({ container }) => containerSecurity(container, 'privileged') === true)
      .map(({ pod, container }) => ({ pod, message: `${describeContainer(pod, container)} is privileged.` }));
  },
};

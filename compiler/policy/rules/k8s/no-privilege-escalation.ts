/** k8s/no-privilege-escalation: containers must set allowPrivilegeEscalation: false. */
import type { ManifestRule } from '../../rule.ts';
import { containerSecurity, describeContainer, eachContainer } from './container-fields.ts';

/** The rule. */
export const noPrivilegeEscalation: ManifestRule = {
  id: 'k8s/no-privilege-escalation',
  scope: 'manifest',
  podsOnly: true,
  title: 'No privilege escalation',
  description: 'Unless `allowPrivilegeEscalation` is explicitly false, a process can gain more privileges than its parent (setuid binaries, file capabilities).',
  fix: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
  defaultMode: 'enforce',
  check({ pods }) {
    return eachContainer(pods)
      .filter(({ container }) => containerSecurity(container, 'allowPrivilegeEscalation') !== false)
      .map(({ pod, container }) => ({ pod, message: `${describeContainer(pod, container)} does not set allowPrivilegeEscalation: false.` }));
  },
};

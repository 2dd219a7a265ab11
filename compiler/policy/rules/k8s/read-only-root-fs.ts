/** k8s/read-only-root-fs: containers mount their root filesystem read-only. */
import type { ManifestRule } from '../../rule.ts';
import { containerSecurity, describeContainer, eachContainer } from './container-fields.ts';

/** The rule. */
export const readOnlyRootFs: ManifestRule = {
  id: 'k8s/read-only-root-fs',
  scope: 'manifest',
  podsOnly: true,
  title: 'Read-only root filesystem',
  description: 'A writable root filesystem lets an attacker persist tools and alter binaries inside the container. Write scratch data to an `emptyDir` volume instead.',
  fix: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` for paths the program writes to.',
  defaultMode: 'warn',
  check({ pods }) {
    return eachContainer(pods)
      .filter(({ container }) => containerSecurity(container, 'readOnlyRootFilesystem') !== true)
      .map(({ pod, container }) => ({ pod, message: `${describeContainer(pod, container)} has a writable root filesystem.` }));
  },
};

/** k8s/drop-all-capabilities: containers drop ALL Linux capabilities and add back at most NET_BIND_SERVICE. */
import type { ManifestRule, ManifestViolation } from '../../rule.ts';
import { fieldsAt } from '../../pod-specs.ts';
import { describeContainer, eachContainer } from './container-fields.ts';

const ALLOWED_ADDS = new Set(['NET_BIND_SERVICE']);

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string').map((item) => item.toUpperCase()) : [];
}

/** The rule. */
export const dropAllCapabilities: ManifestRule = {
  id: 'k8s/drop-all-capabilities',
  scope: 'manifest',
  podsOnly: true,
  title: 'Drop all capabilities',
  description: 'Containers start with a default set of Linux capabilities (e.g. NET_RAW) that serving and training never need. Drop them all; add back only NET_BIND_SERVICE.',
  fix: 'Set `securityContext.capabilities.drop: [ALL]` and remove other `add` entries.',
  defaultMode: 'enforce',
  check({ pods }) {
    const violations: ManifestViolation[] = [];
    for (const { pod, container } of eachContainer(pods)) {
      const capabilities = fieldsAt(container.fields, 'securityContext', 'capabilities');
      if (!strings(capabilities?.drop).includes('ALL')) violations.push({ pod, message: `${describeContainer(pod, container)} does not drop ALL capabilities.` });
      const added = strings(capabilities?.add).filter((capability) => !ALLOWED_ADDS.has(capability));
      if (added.length > 0) violations.push({ pod, message: `${describeContainer(pod, container)} adds capabilities ${added.join(', ')}.` });
    }
    return violations;
  },
};

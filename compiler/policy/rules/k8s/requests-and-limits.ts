/** k8s/requests-and-limits: containers declare CPU and memory requests and limits. */
import type { ManifestRule, ManifestViolation } from '../../rule.ts';
import { fieldsAt } from '../../pod-specs.ts';
import { describeContainer, eachContainer } from './container-fields.ts';

const REQUIRED = [
  ['requests', 'cpu'],
  ['requests', 'memory'],
  ['limits', 'cpu'],
  ['limits', 'memory'],
] as const;

/** The rule. */
export const requestsAndLimits: ManifestRule = {
  id: 'k8s/requests-and-limits',
  scope: 'manifest',
  podsOnly: true,
  title: 'Requests and limits',
  description: 'Without requests the scheduler cannot place pods sensibly and quotas cannot be enforced; without limits one runaway model server can starve its neighbours.',
  fix: 'Set `resources` on the deployment environment or pipeline step (cpu, memory; `limits` when they differ).',
  defaultMode: 'enforce',
  check({ pods }) {
    const violations: ManifestViolation[] = [];
    for (const { pod, container } of eachContainer(pods)) {
      const resources = fieldsAt(container.fields, 'resources');
      const missing = REQUIRED.filter(([group, name]) => fieldsAt(resources, group)?.[name] === undefined).map(([group, name]) => `${group}.${name}`);
      if (missing.length > 0) violations.push({ pod, message: `${describeContainer(pod, container)} has no ${missing.join(', ')}.` });
    }
    return violations;
  },
};

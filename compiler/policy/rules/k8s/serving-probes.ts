/** k8s/serving-probes: model servers have readiness and liveness probes. */
import type { ManifestRule, ManifestViolation } from '../../rule.ts';
import { describeContainer, eachContainer, labelsOf } from './container-fields.ts';

/** True for objects that serve traffic. */
export function isServing(kind: string, labels: Readonly<Record<string, string>>): boolean {
  return kind === 'InferenceService' || (kind === 'Deployment' && labels['app.kubernetes.io/component'] === 'serving');
}

/** The rule. */
export const servingProbes: ManifestRule = {
  id: 'k8s/serving-probes',
  scope: 'manifest',
  title: 'Probes on serving',
  description: 'Without a readiness probe, traffic reaches a model server before the model is loaded; without a liveness probe, a hung server is never restarted. KServe model containers get probes from their runtime and are not checked.',
  fix: 'Add `readinessProbe` and `livenessProbe` to the serving container (the `deployment` backend emits them on the model server port).',
  defaultMode: 'warn',
  check({ manifest, pods }) {
    if (!isServing(manifest.object.kind, labelsOf(manifest.object))) return [];
    const violations: ManifestViolation[] = [];
    for (const { pod, container } of eachContainer(pods)) {
      if (container.kind !== 'main' || (manifest.object.kind === 'InferenceService' && container.name === 'kserve-container')) continue;
      const missing = ['readinessProbe', 'livenessProbe'].filter((probe) => container.fields[probe] === undefined);
      if (missing.length > 0) violations.push({ pod, message: `${describeContainer(pod, container)} has no ${missing.join(' or ')}.` });
    }
    return violations;
  },
};

/** k8s/pdb-for-replicated-serving: serving with more than one replica has a PodDisruptionBudget. */
import type { KubernetesObject } from '../../../emit/manifest.ts';
import type { ManifestRule, ManifestRuleContext } from '../../rule.ts';
import { fieldsAt } from '../../pod-specs.ts';
import { labelsOf } from './container-fields.ts';
import { isServing } from './serving-probes.ts';

function minReplicas(object: KubernetesObject, context: ManifestRuleContext, cluster: string): number {
  const namespace = object.metadata.namespace ?? '';
  if (object.kind === 'InferenceService') {
    const min = fieldsAt(object, 'spec', 'predictor')?.minReplicas;
    return typeof min === 'number' ? min : 1;
  }
  const autoscaler = context.index
    .inNamespace(cluster, namespace, 'HorizontalPodAutoscaler')
    .find((hpa) => fieldsAt(hpa.object, 'spec', 'scaleTargetRef')?.name === object.metadata.name);
  const hpaMin = autoscaler ? fieldsAt(autoscaler.object, 'spec')?.minReplicas : undefined;
  if (typeof hpaMin === 'number') return hpaMin;
  // A KEDA ScaledObject instead of an HPA (track-autoscaler.ts): its own `minReplicaCount`.
  const scaledObject = context.index
    .inNamespace(cluster, namespace, 'ScaledObject')
    .find((candidate) => fieldsAt(candidate.object, 'spec', 'scaleTargetRef')?.name === object.metadata.name);
  const kedaMin = scaledObject ? fieldsAt(scaledObject.object, 'spec')?.minReplicaCount : undefined;
  if (typeof kedaMin === 'number') return kedaMin;
  const replicas = fieldsAt(object, 'spec')?.replicas;
  return typeof replicas === 'number' ? replicas : 1;
}

function podLabels(object: KubernetesObject): Record<string, string> {
  if (object.kind === 'InferenceService') return { ...labelsOf(object), 'serving.kserve.io/inferenceservice': object.metadata.name, component: 'predictor' };
  return { ...((fieldsAt(object, 'spec', 'template', 'metadata', 'labels') ?? {}) as Record<string, string>) };
}

function selects(pdb: KubernetesObject, labels: Readonly<Record<string, string>>): boolean {
  const matchLabels = (fieldsAt(pdb, 'spec', 'selector', 'matchLabels') ?? {}) as Readonly<Record<string, string>>;
  const entries = Object.entries(matchLabels);
  return entries.length > 0 && entries.every(([key, value]) => labels[key] === value);
}

/** The rule. */
export const pdbForReplicatedServing: ManifestRule = {
  id: 'k8s/pdb-for-replicated-serving',
  scope: 'manifest',
  title: 'PodDisruptionBudget for replicated serving',
  description: 'A deployment that asks for more than one replica wants to stay up; without a PodDisruptionBudget a node drain can evict every replica at once.',
  fix: 'Emit a PodDisruptionBudget selecting the serving pods (the `deployment` backend does this when `replicas.min` > 1).',
  defaultMode: 'warn',
  check({ manifest }, context) {
    const object = manifest.object;
    if (!isServing(object.kind, labelsOf(object))) return [];
    const min = minReplicas(object, context, manifest.cluster);
    if (min <= 1) return [];
    const labels = podLabels(object);
    const budgets = context.index.inNamespace(manifest.cluster, object.metadata.namespace ?? '', 'PodDisruptionBudget');
    if (budgets.some((pdb) => selects(pdb.object, labels))) return [];
    return [{ message: `runs at least ${min} replicas but no PodDisruptionBudget selects its pods.` }];
  },
};

/** Every built-in rule, in the order docs/policies.md lists them. */
import { allowedRegistries } from './rules/k8s/allowed-registries.ts';
import { dropAllCapabilities } from './rules/k8s/drop-all-capabilities.ts';
import { networkPolicyPresent } from './rules/k8s/network-policy-present.ts';
import { noDefaultNamespace } from './rules/k8s/no-default-namespace.ts';
import { noHostNamespaces } from './rules/k8s/no-host-namespaces.ts';
import { noHostPath } from './rules/k8s/no-host-path.ts';
import { noHostPort } from './rules/k8s/no-host-port.ts';
import { noLatestTag } from './rules/k8s/no-latest-tag.ts';
import { noPrivilegeEscalation } from './rules/k8s/no-privilege-escalation.ts';
import { noPrivileged } from './rules/k8s/no-privileged.ts';
import { noSecretsInEnv } from './rules/k8s/no-secrets-in-env.ts';
import { ownerLabels } from './rules/k8s/owner-labels.ts';
import { pdbForReplicatedServing } from './rules/k8s/pdb-for-replicated-serving.ts';
import { readOnlyRootFs } from './rules/k8s/read-only-root-fs.ts';
import { requestsAndLimits } from './rules/k8s/requests-and-limits.ts';
import { runAsNonRoot } from './rules/k8s/run-as-non-root.ts';
import { seccompProfile } from './rules/k8s/seccomp-profile.ts';
import { servingProbes } from './rules/k8s/serving-probes.ts';
import { dataClassification } from './rules/ml/data-classification.ts';
import { datasetLineage } from './rules/ml/dataset-lineage.ts';
import { highRiskCanary } from './rules/ml/high-risk-canary.ts';
import { metricRequirements } from './rules/ml/metric-requirements.ts';
import { modelCard } from './rules/ml/model-card.ts';
import { modelDigest } from './rules/ml/model-digest.ts';
import { piiRiskTier } from './rules/ml/pii-risk-tier.ts';
import { prodMonitoring } from './rules/ml/prod-monitoring.ts';
import { promotionPath } from './rules/ml/promotion-path.ts';
import { teamQuotaRule } from './rules/ml/team-quota.ts';
import { validatorNotTrainer } from './rules/ml/validator-not-trainer.ts';
import type { BuiltInRule, ConfigRule, ManifestRule } from './rule.ts';

/** Kubernetes baseline rules on emitted objects. */
export const KUBERNETES_RULES: readonly ManifestRule[] = [
  runAsNonRoot,
  noPrivileged,
  noPrivilegeEscalation,
  readOnlyRootFs,
  dropAllCapabilities,
  noHostNamespaces,
  noHostPath,
  noHostPort,
  seccompProfile,
  requestsAndLimits,
  noLatestTag,
  allowedRegistries,
  servingProbes,
  pdbForReplicatedServing,
  networkPolicyPresent,
  noSecretsInEnv,
  noDefaultNamespace,
  ownerLabels,
];

/** ML-governance rules on the config. */
export const ML_RULES: readonly ConfigRule[] = [
  modelDigest,
  modelCard,
  metricRequirements,
  datasetLineage,
  dataClassification,
  piiRiskTier,
  prodMonitoring,
  highRiskCanary,
  validatorNotTrainer,
  promotionPath,
  teamQuotaRule,
];

/** All built-in rules. */
export const BUILT_IN_RULES: readonly BuiltInRule[] = [...KUBERNETES_RULES, ...ML_RULES];

const BY_ID = new Map<string, BuiltInRule>(BUILT_IN_RULES.map((rule) => [rule.id, rule]));

/** A built-in rule by id. */
export function builtInRule(id: string): BuiltInRule | undefined {
  return BY_ID.get(id);
}

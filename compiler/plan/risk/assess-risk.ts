/** The risk of a change (low, medium, high) with its reasons, from what the plan found. */
import type { RequiredApprovals } from '../approvals/approval-model.ts';
import type { MlSummary } from '../ml/ml-model.ts';
import type { DiagnosticsDelta, OrgImpact, ResourceChange, Risk, RiskLevel } from '../plan-model.ts';

/** What risk is judged from. */
export interface RiskInputs {
  readonly resources: readonly ResourceChange[];
  readonly ml: MlSummary;
  readonly impact: OrgImpact;
  readonly diagnostics: DiagnosticsDelta;
  readonly approvals: RequiredApprovals;
  /** Environment name → true when its tier is production. */
  readonly production: ReadonlySet<string>;
}

const RANK: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function list(names: Iterable<string>): string {
  return [...new Set(names)].sort().join(', ');
}

/** Judges a change: the level is that of its most severe reason. */
export function assessRisk(inputs: RiskInputs): Risk {
  const reasons: { level: RiskLevel; text: string }[] = [];
  const add = (level: RiskLevel, text: string) => reasons.push({ level, text });
  if (inputs.diagnostics.headErrors > 0) add('high', `The head does not compile (${plural(inputs.diagnostics.headErrors, 'error')}).`);
  for (const conflict of inputs.approvals.conflicts) add('high', conflict);
  if (inputs.diagnostics.baseErrors > 0) add('medium', `The base does not compile (${plural(inputs.diagnostics.baseErrors, 'error')}), so its output is taken as empty: every resource shows as added.`);
  const deletions = inputs.resources.filter((change) => change.action === 'removed');
  const productionDeletions = deletions.filter((change) => inputs.production.has(change.environment));
  if (productionDeletions.length > 0) add('high', `${plural(productionDeletions.length, 'resource')} deleted in production (${list(productionDeletions.map((change) => change.cluster))}).`);
  else if (deletions.length > 0) add('medium', `${plural(deletions.length, 'resource')} deleted.`);
  const productionRollouts = inputs.ml.rollouts.filter((rollout) => rollout.tier === 'production');
  const highRisk = productionRollouts.filter((rollout) => rollout.riskTier === 'high');
  if (highRisk.length > 0) add('high', `High-risk model serving changes in production: ${list(highRisk.map((rollout) => `${rollout.team}/${rollout.deployment}`))}.`);
  const removedFromProduction = productionRollouts.filter((rollout) => rollout.action === 'removed');
  if (removedFromProduction.length > 0) add('high', `Deployments withdrawn from production: ${list(removedFromProduction.map((rollout) => `${rollout.team}/${rollout.deployment}`))}.`);
  if (productionRollouts.length > 0) add('medium', `Production serving changes: ${list(productionRollouts.map((rollout) => `${rollout.team}/${rollout.deployment}`))}.`);
  const productionResources = inputs.resources.filter((change) => inputs.production.has(change.environment));
  if (productionRollouts.length === 0 && productionResources.length > 0) add('medium', `${plural(productionResources.length, 'production resource')} change.`);
  if (inputs.impact.platformChanged && inputs.impact.teams.length > 0) add('medium', `platform.yaml changes the output of ${plural(inputs.impact.teams.length, 'team')}.`);
  const newWaivers = inputs.ml.waivers.filter((waiver) => waiver.action === 'added' || waiver.action === 'changed');
  if (newWaivers.length > 0) add('medium', `New or renewed waivers: ${list(newWaivers.map((waiver) => `${waiver.rule} for ${waiver.team}/${waiver.target}`))}.`);
  const expired = inputs.ml.waivers.filter((waiver) => waiver.action !== 'removed' && waiver.coversChange && waiver.expiresInDays < 0);
  if (expired.length > 0) add('medium', `Expired waivers cover this change: ${list(expired.map((waiver) => `${waiver.rule} for ${waiver.team}/${waiver.target}`))}.`);
  const gpu = inputs.ml.capacity.filter((delta) => delta.atMaxReplicas.gpu > 0);
  if (gpu.length > 0) add('medium', `More GPUs requested in ${list(gpu.map((delta) => delta.environment))}.`);
  if (reasons.length === 0) add('low', inputs.resources.length === 0 ? 'No output changes.' : 'Only non-production output changes.');
  reasons.sort((a, b) => RANK[b.level] - RANK[a.level]);
  return { level: reasons[0]!.level, reasons };
}

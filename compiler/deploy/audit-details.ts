/**
 * The parts of a deploy's audit entry drawn from the compiler: what each deployment serves after the
 * change (in ML terms, from the plan's ML summary), the policy results with the waivers relied on, and
 * the approvals with who met them. Pure.
 */
import type { AuditApproval, AuditPolicy, AuditServingChange, AuditSource, AuditWaiver } from '../audit/audit-entry.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { RequiredApprovals, Review } from '../plan/approvals/approval-model.ts';
import { evaluateApprovals } from '../plan/approvals/evaluate-approvals.ts';
import type { MlSummary } from '../plan/ml/ml-model.ts';
import type { PolicyResult } from '../policy/evaluate-policies.ts';
import type { ResolvedOrg } from '../resolve/resolved-org.ts';
import { compareCodePoints } from '../support/compare-code-points.ts';
import type { DeployMetadata } from './deploy-model.ts';

function versionMetrics(org: ResolvedOrg | undefined, team: string, model: string, version: string | undefined): Record<string, number> | undefined {
  if (!org || version === undefined) return undefined;
  const found = org.teams.find((candidate) => candidate.name === team)?.models.find((candidate) => candidate.name === model)?.versions.find((candidate) => candidate.version === version);
  const metrics = found?.config.metrics as Record<string, unknown> | undefined;
  if (!metrics) return undefined;
  const numeric = Object.entries(metrics).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1]));
  return numeric.length > 0 ? Object.fromEntries(numeric) : undefined;
}

/** What each changed deployment serves after the change, per environment (from the ML summary's rollouts). */
export function servingChanges(ml: MlSummary, head: ResolvedOrg | undefined): AuditServingChange[] {
  return ml.rollouts.map((rollout) => {
    const versionAfter = rollout.after?.stable;
    const metrics = versionMetrics(head, rollout.team, rollout.model, versionAfter);
    return {
      team: rollout.team,
      deployment: rollout.deployment,
      model: rollout.model,
      environment: rollout.environment,
      tier: rollout.tier,
      riskTier: rollout.riskTier,
      action: rollout.action,
      ...(rollout.before ? { versionBefore: rollout.before.stable } : {}),
      ...(versionAfter !== undefined ? { versionAfter } : {}),
      ...(rollout.after?.canary ? { canary: { version: rollout.after.canary.version, traffic: rollout.after.canary.traffic } } : {}),
      ...(metrics ? { metrics } : {}),
    };
  });
}

/** The waivers that suspended a finding of the render (each once, sorted by team, rule, target), with their justification. */
export function waiversRelied(policy: PolicyResult | undefined): AuditWaiver[] {
  const waivers = new Map<string, AuditWaiver>();
  for (const finding of policy?.findings ?? []) {
    const waiver = finding.waivedBy;
    if (!waiver) continue;
    waivers.set(`${waiver.team}\u0000${waiver.rule}\u0000${waiver.target}`, {
      rule: waiver.rule,
      target: waiver.target,
      team: waiver.team,
      ...(waiver.ticket ? { ticket: waiver.ticket } : {}),
      ...(waiver.approvedBy ? { approvedBy: waiver.approvedBy } : {}),
      expires: waiver.expires,
      ...(waiver.justification ? { justification: waiver.justification } : {}),
    });
  }
  return [...waivers.entries()].sort(([a], [b]) => compareCodePoints(a, b)).map(([, waiver]) => waiver);
}

/** Policy results of the render: passed when no error stands; the waivers that suspended a finding (their justification is on the `waiver-used` entries). */
export function policySummary(policy: PolicyResult | undefined, diagnostics: readonly Diagnostic[]): AuditPolicy {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length;
  const waivers = waiversRelied(policy).map(({ justification: _reason, ...waiver }) => waiver);
  return { passed: errors === 0, errors, warnings, waivers };
}

/** A handle as a GitHub login (`@alice` → `alice`). */
function login(handle: string): string {
  return handle.startsWith('@') ? handle.slice(1) : handle;
}

/** Each approval requirement with who met it, and every reviewer whose approval counted (never the author). */
export function approvalRecords(required: RequiredApprovals, reviews: readonly Review[]): { approvals: AuditApproval[]; approvers: string[] } {
  const status = evaluateApprovals(required, reviews);
  const approvals = required.rules.map((rule, index) => {
    const met = status.rules[index]!;
    return { id: rule.id, count: rule.count, approvedBy: met.approvedBy.map(login), satisfied: met.satisfied };
  });
  const author = required.author?.toLowerCase();
  const approvers = [...new Set(reviews.map((review) => login(review.reviewer.trim().toLowerCase().replace(/^@/, ''))))].filter((name) => name !== '' && `@${name}` !== author).sort();
  return { approvals, approvers };
}

/** The `source` of an audit entry: the source repo and commit, with the PR, its times and author when known. */
export function auditSource(metadata: DeployMetadata): AuditSource {
  return {
    repo: metadata.sourceRepo,
    sha: metadata.sha,
    ...(metadata.pullRequest !== undefined ? { pr: metadata.pullRequest } : {}),
    ...(metadata.prOpenedAt ? { prOpenedAt: metadata.prOpenedAt } : {}),
    ...(metadata.mergedAt ? { mergedAt: metadata.mergedAt } : {}),
    ...(metadata.author ? { author: metadata.author } : {}),
  };
}

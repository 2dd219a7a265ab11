/** Evaluates required approvals against the approving reviews of a PR (separation of duties included). */
import { type ApprovalStatus, normalizeHandle, type RequiredApprovals, type Review, type RuleStatus } from './approval-model.ts';

/** Checks each rule: the author never counts; a reviewer counts once per rule. */
export function evaluateApprovals(required: RequiredApprovals, approvals: readonly Review[]): ApprovalStatus {
  const author = required.author === undefined ? undefined : normalizeHandle(required.author);
  const reviewers = new Map<string, Set<string>>();
  for (const review of approvals) {
    const handle = normalizeHandle(review.reviewer);
    if (handle === author) continue;
    const identities = reviewers.get(handle) ?? new Set([handle]);
    for (const group of review.memberOf ?? []) identities.add(normalizeHandle(group));
    reviewers.set(handle, identities);
  }
  const rules: RuleStatus[] = required.rules.map((rule) => {
    const allowed = new Set(rule.approvers.map(normalizeHandle));
    const approvedBy = [...reviewers.entries()]
      .filter(([, identities]) => allowed.size === 0 || [...identities].some((identity) => allowed.has(identity)))
      .map(([handle]) => handle)
      .sort();
    const missing = Math.max(0, rule.count - approvedBy.length);
    return { id: rule.id, satisfied: missing === 0, approvedBy, missing };
  });
  return { satisfied: required.conflicts.length === 0 && rules.every((rule) => rule.satisfied), rules, conflicts: required.conflicts };
}

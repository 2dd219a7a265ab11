/** The approvals a change needs, for reviewers. */
import type { Plan } from '../../plan-model.ts';
import { escapeInline, inlineCode } from '../escape.ts';
import type { ApprovalsView } from '../view-model.ts';

/** The approvals section; handles are shown as code so the comment does not ping anyone. */
export function approvalsView(plan: Plan): ApprovalsView {
  const { rules, conflicts, author } = plan.approvals;
  return {
    show: rules.length > 0 || conflicts.length > 0,
    rows: rules.map((rule) => ({
      reason: escapeInline(rule.reason),
      approvers: rule.approvers.length === 0 ? 'any reviewer' : rule.approvers.map(inlineCode).join(', '),
      count: rule.count,
    })),
    conflicts: conflicts.map(escapeInline),
    author: author === undefined ? '' : inlineCode(author),
  };
}

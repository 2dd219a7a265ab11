/** The approvals a change needs, for reviewers. */
import type { Plan } from '../../plan-model.ts';
import { escapeInline, inlineCode } from '../escape.ts';
import { limited } from '../markdown-formatter.ts';
import type { ApprovalsView } from '../view-model.ts';

/** The approvals section (at most `limit` rows); handles are shown as code so the comment does not ping anyone. */
export function approvalsView(plan: Plan, limit: number | undefined): ApprovalsView {
  const { rules, conflicts, author } = plan.approvals;
  const shown = limited(rules, limit);
  return {
    show: rules.length > 0 || conflicts.length > 0,
    hidden: shown.hidden,
    rows: shown.items.map((rule) => ({
      reason: escapeInline(rule.reason),
      approvers: rule.approvers.length === 0 ? 'any reviewer' : rule.approvers.map(inlineCode).join(', '),
      count: rule.count,
    })),
    conflicts: conflicts.map(escapeInline),
    author: author === undefined ? '' : inlineCode(author),
  };
}

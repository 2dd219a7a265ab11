/**
 * The sticky PR comment (pure): the plan report exactly as `mlops plan --format markdown` renders it,
 * within GitHub's comment limit (the report's own size budget), plus a hidden line naming the head
 * it describes. The bot finds its comment again by the report's marker.
 */
import type { Plan } from '../../compiler/plan/plan-model.ts';
import { COMMENT_SIZE_LIMIT, type PlanTemplates, renderReport } from '../../compiler/plan/report/render-report.ts';
import { STICKY_MARKER } from '../../compiler/plan/report/sections/header-view.ts';

/** The marker the bot finds its comment by. */
export const COMMENT_MARKER = STICKY_MARKER;

/** The hidden line naming the head commit a comment describes. */
export function headLine(headSha: string): string {
  return `<!-- cirrus-mlops:head ${headSha} -->`;
}

/** Where the comment sends readers for the full report. */
function fullReportHint(baseSha: string, headSha: string): string {
  return `\`mlops plan --base ${baseSha.slice(0, 12)} --head ${headSha.slice(0, 12)} --out <dir>\` run locally`;
}

/** The comment body of a plan: at most COMMENT_SIZE_LIMIT characters, marker first. */
export function planComment(plan: Plan, templates: PlanTemplates, baseSha: string, headSha: string): string {
  const footer = `\n${headLine(headSha)}\n`;
  const report = renderReport(plan, templates, { fullReport: fullReportHint(baseSha, headSha), budget: COMMENT_SIZE_LIMIT - footer.length });
  return `${report.comment.trimEnd()}${footer}`;
}

/** The comment body after the change stopped touching config (an earlier comment is kept current, never deleted). */
export function noConfigComment(headSha: string): string {
  return `${COMMENT_MARKER}\n### Cirrus MLOps plan\n\n✅ This pull request no longer changes any Cirrus MLOps config.\n\n${headLine(headSha)}\n`;
}

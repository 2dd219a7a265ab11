/** The header of the comment (sticky marker, headline, counts, risk) and the per-cluster table. */
import type { Plan, RiskLevel } from '../../plan-model.ts';
import { escapeInline } from '../escape.ts';
import type { ClusterRowView, HeaderView, RiskView } from '../view-model.ts';

/** Hidden marker the bot finds its own comment by, to update it instead of posting another. */
export const STICKY_MARKER = '<!-- cirrus-mlops:plan -->';

/** Icon of a risk level. */
export const RISK_ICON: Record<RiskLevel, string> = { low: '🟢', medium: '🟡', high: '🔴' };

function headline(plan: Plan): string {
  if (plan.status === 'invalid-head') return '❌ The head does not compile: nothing can be applied until the errors below are fixed.';
  if (plan.noop) return '✅ No changes: the head renders exactly what the base does.';
  if (plan.resources.length === 0) return '✅ Config changed, but the rendered output does not.';
  if (plan.diagnostics.baseErrors > 0) return `⚠️ The base does not compile, so all ${plan.resources.length} rendered files show as added.`;
  return `📋 ${plan.resources.length} rendered file${plan.resources.length === 1 ? '' : 's'} change across ${plan.clusters.length} cluster${plan.clusters.length === 1 ? '' : 's'}.`;
}

/** The header. */
export function headerView(plan: Plan): HeaderView {
  const scope = plan.scope.incremental
    ? `Incremental: compiled ${plan.scope.compiledTeams.length} of ${plan.scope.totalTeams} teams (only those whose inputs changed).`
    : `Compiled all ${plan.scope.totalTeams} teams.`;
  return {
    marker: STICKY_MARKER,
    headline: headline(plan),
    riskIcon: RISK_ICON[plan.risk.level],
    riskLevel: plan.risk.level,
    counts: `${plan.counts.added} added · ${plan.counts.changed} changed · ${plan.counts.removed} removed`,
    scope,
  };
}

/** Teams named per row of the cluster table; the rest are counted. */
export const TEAMS_PER_ROW = 10;

function teamList(teams: readonly string[]): string {
  if (teams.length === 0) return '—';
  const named = teams.slice(0, TEAMS_PER_ROW).map(escapeInline).join(', ');
  return teams.length > TEAMS_PER_ROW ? `${named} and ${teams.length - TEAMS_PER_ROW} more` : named;
}

/** The per-cluster summary table (org-level output shows as `(org)`). */
export function clusterRows(plan: Plan): ClusterRowView[] {
  return plan.clusters.map((cluster) => ({
    cluster: cluster.cluster === '' ? '(org)' : escapeInline(cluster.cluster),
    environment: cluster.environment === '' ? '—' : escapeInline(cluster.environment),
    teams: teamList(cluster.teams),
    added: cluster.added,
    changed: cluster.changed,
    removed: cluster.removed,
  }));
}

/** The risk section. */
export function riskView(plan: Plan): RiskView {
  return { icon: RISK_ICON[plan.risk.level], level: plan.risk.level, reasons: plan.risk.reasons.map((reason) => `${RISK_ICON[reason.level]} ${escapeInline(reason.text)}`) };
}

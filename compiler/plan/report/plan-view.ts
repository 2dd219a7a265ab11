/** Assembles the view of a plan for one report mode, from the section view functions. */
import type { Plan } from '../plan-model.ts';
import { escapeInline } from './escape.ts';
import { approvalsView } from './sections/approvals-view.ts';
import { diagnosticsView, policyView } from './sections/diagnostics-view.ts';
import { clusterRows, headerView, riskView } from './sections/header-view.ts';
import { mlView } from './sections/ml-view.ts';
import { phaseGateView } from './sections/phase-gate-view.ts';
import { impactView, resourcesView } from './sections/resources-view.ts';
import type { PlanView, ViewOptions } from './view-model.ts';

function note(options: ViewOptions): string {
  const where = escapeInline(options.fullReport);
  if (options.mode === 'concise') return `Per-resource diffs are left out to fit GitHub's comment size limit; the full report with every diff is in ${where}.`;
  if (options.mode === 'truncated') return `This comment is truncated to fit GitHub's comment size limit: lists show at most ${options.limit ?? 0} items each. The full report is in ${where}.`;
  return '';
}

/** The view the templates render. */
export function planView(plan: Plan, options: ViewOptions): PlanView {
  const limit = options.mode === 'truncated' ? (options.limit ?? 0) : undefined;
  return {
    header: headerView(plan),
    clusters: clusterRows(plan),
    diagnostics: diagnosticsView(plan, limit),
    ml: mlView(plan, limit),
    impact: impactView(plan, limit),
    resources: resourcesView(plan, options.mode === 'full', limit),
    policy: policyView(plan, limit),
    approvals: approvalsView(plan, limit),
    phaseGate: phaseGateView(plan),
    risk: riskView(plan),
    note: note(options),
  };
}

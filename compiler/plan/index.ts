/** Public API of the plan stage, for the CLI and the bot: plan a change, render it, check its approvals. */
export type { ApprovalKind, ApprovalRule, ApprovalStatus, RequiredApprovals, Review, RuleStatus } from './approvals/approval-model.ts';
export { normalizeHandle } from './approvals/approval-model.ts';
export { evaluateApprovals } from './approvals/evaluate-approvals.ts';
export type { CompileFunction } from './inputs/compile-sides.ts';
export type * from './ml/ml-model.ts';
export { type PlanOptions, plan } from './plan.ts';
export type { PhaseGate } from './phase-gate/phase-gate.ts';
export type * from './plan-model.ts';
export { planText, type TextOptions } from './report/plan-text.ts';
export { COMMENT_SIZE_LIMIT, type PlanReport, type PlanTemplates, planJson, type ReportOptions, renderReport } from './report/render-report.ts';
export { STICKY_MARKER } from './report/sections/header-view.ts';

/**
 * The data the report templates render. Every string in a view is final Markdown: user strings are
 * already escaped by the view functions, so templates are compiled with `noEscape`.
 */

/** How much detail the comment carries. */
export type ReportMode = 'full' | 'concise' | 'truncated';

/** Options of the view functions. */
export interface ViewOptions {
  readonly mode: ReportMode;
  /** Most items shown per list (resources, diagnostics, each ML list); unlimited when undefined. */
  readonly limit?: number;
  /** Where the full report is, e.g. a workflow artifact URL or `plan.md`. */
  readonly fullReport: string;
}

/** A list shown up to a limit. */
export interface LimitedList<T> {
  readonly items: readonly T[];
  /** Items left out for size. */
  readonly hidden: number;
}

/** Header: status, counts, risk. */
export interface HeaderView {
  readonly marker: string;
  readonly headline: string;
  readonly riskIcon: string;
  readonly riskLevel: string;
  readonly counts: string;
  readonly scope: string;
}

/** One row of the per-cluster summary table. */
export interface ClusterRowView {
  readonly cluster: string;
  readonly environment: string;
  readonly teams: string;
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
}

/** One diagnostic row. */
export interface DiagnosticRowView {
  readonly icon: string;
  readonly code: string;
  readonly where: string;
  readonly message: string;
}

/** Diagnostics section. */
export interface DiagnosticsView {
  readonly invalid: boolean;
  readonly headline: string;
  readonly rows: LimitedList<DiagnosticRowView>;
  readonly show: boolean;
}

/** Policy section: findings of policy rules in the head, and waivers worth attention. */
export interface PolicyView {
  readonly rows: LimitedList<DiagnosticRowView>;
  readonly waivers: LimitedList<string>;
  readonly clean: boolean;
}

/** ML-aware summary section. */
export interface MlView {
  readonly show: boolean;
  readonly versions: LimitedList<string>;
  readonly rollouts: LimitedList<string>;
  readonly capacity: LimitedList<string>;
  readonly pipelines: LimitedList<string>;
  readonly monitors: LimitedList<string>;
}

/** Org-level impact section. */
export interface ImpactView {
  readonly show: boolean;
  readonly teams: string;
  readonly clusters: string;
  readonly unaffected: string;
}

/** One resource change. */
export interface ResourceView {
  /** `<summary>` content (HTML-safe). */
  readonly summary: string;
  /** Fenced ```diff block, empty in concise mode. */
  readonly diff: string;
  /** One line for concise mode. */
  readonly line: string;
}

/** Resources of one environment. */
export interface EnvironmentView {
  readonly title: string;
  readonly resources: readonly ResourceView[];
}

/** Per-environment resource sections. */
export interface ResourcesView {
  readonly show: boolean;
  readonly detailed: boolean;
  readonly environments: readonly EnvironmentView[];
  readonly hidden: number;
  readonly deletions: LimitedList<string>;
}

/** One approval requirement. */
export interface ApprovalRowView {
  readonly reason: string;
  readonly approvers: string;
  readonly count: number;
}

/** Approvals section. */
export interface ApprovalsView {
  readonly show: boolean;
  readonly rows: readonly ApprovalRowView[];
  /** Rows left out for size (the JSON report has them all). */
  readonly hidden: number;
  readonly conflicts: readonly string[];
  readonly author: string;
}

/** Risk section. */
export interface RiskView {
  readonly icon: string;
  readonly level: string;
  readonly reasons: readonly string[];
}

/** One criterion of the phase gate. */
export interface PhaseGateRowView {
  readonly phase: number;
  readonly title: string;
  readonly target: string;
  readonly value: string;
  readonly status: string;
  readonly events: number;
  readonly how: string;
}

/** Phase-gate section: shown when the change raises `rollout.phase`. */
export interface PhaseGateView {
  readonly show: boolean;
  readonly passed: boolean;
  readonly headline: string;
  readonly evidence: string;
  readonly rows: readonly PhaseGateRowView[];
}

/** The whole comment. */
export interface PlanView {
  readonly header: HeaderView;
  readonly clusters: readonly ClusterRowView[];
  readonly diagnostics: DiagnosticsView;
  readonly ml: MlView;
  readonly impact: ImpactView;
  readonly resources: ResourcesView;
  readonly policy: PolicyView;
  readonly approvals: ApprovalsView;
  readonly phaseGate: PhaseGateView;
  readonly risk: RiskView;
  /** Concise/truncation note, empty in full mode. */
  readonly note: string;
}

/**
 * The rollout report as data: every figure with its target, its value, how it was computed and from
 * how many events; the production changes with their approvals, policy results and waivers; the
 * models in production by risk tier; weekly trends. Markdown, JSON and the HTML dashboard render it.
 */
import type { AuditServingChange } from '../audit/audit-entry.ts';
import type { Comparison, CriterionId, Phase } from './criteria.ts';

/** A measured figure, or why it cannot be measured yet (never a made-up 0). */
export interface Measurement {
  /** Absent when the figure is not measurable yet. */
  readonly value?: number;
  /** `%`, `h`, `×`, `ms`, or `''` for plain counts. */
  readonly unit: string;
  /** How it was computed, in one sentence. */
  readonly method: string;
  /** How many events (or samples) it was computed from. */
  readonly events: number;
  /** Why it is not measurable, when `value` is absent. */
  readonly reason?: string;
}

/** How a criterion stands. */
export type CriterionStatus = 'met' | 'not-met' | 'not-measurable' | 'waived';

/** A waiver of a criterion, as checked at the report's end date. */
export interface CriterionWaiverState {
  readonly criterion: CriterionId;
  readonly phase: Phase;
  readonly justification: string;
  readonly ticket: string;
  readonly approvedBy: string;
  readonly expires: string;
  /** True when it waives today: not expired, within the platform's longest waiver, approved by a platform owner. */
  readonly valid: boolean;
  /** Why it does not waive, when `valid` is false. */
  readonly problem?: string;
}

/** One criterion of one phase, measured. */
export interface CriterionResult {
  readonly id: CriterionId;
  readonly title: string;
  readonly phase: Phase;
  readonly target: number;
  readonly comparison: Comparison;
  readonly source: string;
  readonly measurement: Measurement;
  /** `waived` only when the criterion is not met (or not measurable) and a valid waiver covers it. */
  readonly status: CriterionStatus;
  readonly waiver?: CriterionWaiverState;
}

/** A key performance indicator of the rollout plan (no target). */
export interface KpiResult {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly measurement: Measurement;
}

/** A figure entered by hand (`rollout.manualMetrics`). */
export interface ManualFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: string;
  readonly source: string;
  readonly enteredBy: string;
  readonly date: string;
}

/** How a policy waiver a change relied on stands at the report's end date. */
export type WaiverStatus = 'active' | 'expiring' | 'expired';

/** A policy waiver seen in the trail. */
export interface WaiverView {
  readonly rule: string;
  readonly target: string;
  readonly team: string;
  readonly ticket?: string;
  readonly approvedBy?: string;
  readonly expires: string;
  readonly status: WaiverStatus;
  /** True when it had not expired on the day of the change that relied on it. */
  readonly validAtChange: boolean;
}

/** A change that reached production, and whether it was compliant. */
export interface ProdChange {
  readonly seq: number;
  readonly time: string;
  readonly event: string;
  readonly pr?: number;
  readonly author?: string;
  readonly approvers: readonly string[];
  /** The entry's production serving changes. */
  readonly changes: readonly AuditServingChange[];
  readonly requiredApprovals: number;
  readonly policyPassed: boolean;
  readonly policyErrors: number;
  readonly waivers: readonly WaiverView[];
  readonly compliant: boolean;
  /** Why it is not compliant (empty when compliant). */
  readonly problems: readonly string[];
}

/** Models serving in production at the report's end date, by risk tier. */
export interface RiskTierModels {
  readonly riskTier: 'high' | 'medium' | 'low';
  /** `team/model` names, sorted. */
  readonly models: readonly string[];
}

/** Figures of one ISO week (Monday to Sunday, UTC). */
export interface WeekTrend {
  /** `YYYY-Www`. */
  readonly week: string;
  /** Monday, `YYYY-MM-DD`. */
  readonly start: string;
  readonly deploys: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly rollbacks: number;
  readonly prodChanges: number;
  readonly compliant: number;
  /** Absent when no deploy of the week has a measured time. */
  readonly medianHoursToDeploy?: number;
  /** Absent without Prometheus data for the week. */
  readonly availability?: number;
}

/** Where the figures came from. */
export interface ReportSources {
  readonly entries: number;
  readonly entriesInWindow: number;
  readonly files: number;
  /** Lines that were not audit entries, as `file:line` (at most 20). */
  readonly unreadableLines: readonly string[];
  /** Breaks of the seq/prev chain found while reading, as sentences (at most 20). */
  readonly chainBreaks: readonly string[];
  readonly config: boolean;
  readonly prometheus: boolean;
}

/** The whole report. */
export interface RolloutReport {
  /** Bumped only on incompatible changes of the JSON. */
  readonly version: 1;
  readonly organisation?: string;
  readonly phase?: Phase;
  /** `YYYY-MM-DD` first and last day covered. */
  readonly window: { readonly since: string; readonly until: string };
  readonly sources: ReportSources;
  /** Every phase's criteria, phase by phase. */
  readonly criteria: readonly CriterionResult[];
  readonly kpis: readonly KpiResult[];
  readonly manual: readonly ManualFigure[];
  readonly prodChanges: readonly ProdChange[];
  /** Every policy waiver relied on in the window, once (latest use). */
  readonly waivers: readonly WaiverView[];
  readonly modelsInProd: readonly RiskTierModels[];
  readonly weeks: readonly WeekTrend[];
}

/**
 * The plan as data: what changes between a base and a head config tree, in Kubernetes terms
 * (resources added, changed, removed) and in ML terms (versions, traffic, capacity, schedules),
 * with the approvals the change needs and its risk. The report renders it; the bot evaluates it.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { RequiredApprovals } from './approvals/approval-model.ts';
import type { MlSummary } from './ml/ml-model.ts';
import type { PhaseGate } from './phase-gate/phase-gate.ts';

/** How a config file or an output file differs between base and head. */
export type ChangeAction = 'added' | 'changed' | 'removed';

/** A config file that differs between base and head. */
export interface InputChange {
  readonly path: string;
  readonly action: ChangeAction;
  /** `platform` for platform.yaml; `team` for team files; `other` for any other path (model cards…). */
  readonly role: 'platform' | 'team' | 'other';
  /** The team the file belongs to, when it does. */
  readonly team?: string;
}

/** One rendered output file that differs between base and head. */
export interface ResourceChange {
  /** Output path, e.g. `clusters/prod-eu/fraud/inferenceservice-fraud-api.yaml`. */
  readonly path: string;
  readonly action: ChangeAction;
  /** `''` for org-level output. */
  readonly cluster: string;
  /** The cluster's environment; `''` for org-level output or an unknown cluster. */
  readonly environment: string;
  /** `''` for org-level output. */
  readonly team: string;
  /** `Kind/name` of each object in the file (from the manifests; empty when unknown). */
  readonly objects: readonly string[];
  /** Unified diff of the file (`---`/`+++` header, `@@` hunks). */
  readonly diff: string;
  readonly linesAdded: number;
  readonly linesRemoved: number;
}

/** Counts of resource changes. */
export interface ChangeCounts {
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
}

/** Resource changes of one cluster. */
export interface ClusterChanges extends ChangeCounts {
  readonly cluster: string;
  readonly environment: string;
  readonly teams: readonly string[];
}

/** Who and what an org-level (platform.yaml) change affects. */
export interface OrgImpact {
  /** True when platform.yaml differs. */
  readonly platformChanged: boolean;
  /** Teams whose output changes. */
  readonly teams: readonly string[];
  /** Clusters whose output changes. */
  readonly clusters: readonly string[];
  /** Teams whose output does not change, despite the platform change. */
  readonly unaffectedTeams: readonly string[];
}

/** Diagnostics of the head, and how they differ from the base's. */
export interface DiagnosticsDelta {
  /** Every diagnostic of the head compile. */
  readonly head: readonly Diagnostic[];
  /** Head diagnostics the base did not have (by code, file and message). */
  readonly introduced: readonly Diagnostic[];
  /** Base diagnostics the head no longer has. */
  readonly resolved: readonly Diagnostic[];
  readonly headErrors: number;
  readonly baseErrors: number;
}

/** Overall risk of a change. */
export type RiskLevel = 'low' | 'medium' | 'high';

/** A risk level and why. */
export interface Risk {
  readonly level: RiskLevel;
  /** One sentence per reason, most severe first. */
  readonly reasons: readonly { readonly level: RiskLevel; readonly text: string }[];
}

/** How the plan was computed. */
export interface PlanScope {
  /** True when only the teams whose inputs changed were compiled. */
  readonly incremental: boolean;
  /** Teams compiled on either side. */
  readonly compiledTeams: readonly string[];
  /** Teams in base or head. */
  readonly totalTeams: number;
}

/** The whole plan. */
export interface Plan {
  /** `ok` when the head compiles; `invalid-head` when it has errors (no resource diff then). */
  readonly status: 'ok' | 'invalid-head';
  /** True when base and head render the same output and no config differs. */
  readonly noop: boolean;
  readonly inputs: readonly InputChange[];
  /** Sorted by path. */
  readonly resources: readonly ResourceChange[];
  readonly counts: ChangeCounts;
  readonly clusters: readonly ClusterChanges[];
  /** The removed resources, called out. */
  readonly deletions: readonly ResourceChange[];
  readonly ml: MlSummary;
  readonly impact: OrgImpact;
  readonly diagnostics: DiagnosticsDelta;
  readonly approvals: RequiredApprovals;
  readonly risk: Risk;
  readonly scope: PlanScope;
  /** Present when the change raises `rollout.phase`: the phase's success criteria as measured; a failed gate fails the plan. */
  readonly phaseGate?: PhaseGate;
}

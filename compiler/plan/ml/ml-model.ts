/** The ML-aware part of a plan: what changes in terms of models, traffic, capacity, pipelines, monitors and waivers. */
import type { ChangeAction } from '../plan-model.ts';

/** A model version registered or withdrawn. */
export interface ModelVersionChange {
  readonly team: string;
  readonly model: string;
  readonly version: string;
  readonly action: 'added' | 'removed';
  readonly riskTier: 'low' | 'medium' | 'high';
}

/** How a deployment serves traffic in one environment. */
export interface ServingState {
  readonly stable: string;
  readonly canary?: { readonly version: string; readonly traffic: number };
  readonly abTest?: { readonly strategy: string; readonly variants: readonly { readonly name: string; readonly model: string; readonly version: string; readonly traffic: number }[] };
  readonly replicas: { readonly min: number; readonly max: number };
  readonly resources: { readonly cpu: string; readonly memory: string; readonly gpu: number };
}

/** What changed about a deployment in one environment. */
export type RolloutAspect = 'version' | 'traffic' | 'replicas' | 'resources' | 'clusters';

/** A deployment added to, removed from or changed in one environment (its clusters merged). */
export interface RolloutChange {
  readonly team: string;
  readonly deployment: string;
  readonly model: string;
  readonly riskTier: 'low' | 'medium' | 'high';
  readonly environment: string;
  readonly tier: 'development' | 'staging' | 'production';
  /** Clusters in base or head. */
  readonly clusters: readonly string[];
  readonly clustersBefore: readonly string[];
  readonly clustersAfter: readonly string[];
  readonly action: ChangeAction;
  readonly before?: ServingState;
  readonly after?: ServingState;
  /** For `changed`: which aspects differ. */
  readonly aspects: readonly RolloutAspect[];
  /** The environment the new stable version is promoted from (the platform's `promotion.from`), when it serves it there. */
  readonly promotedFrom?: string;
}

/** Requested compute of an environment: at minimum and at maximum replicas. */
export interface Capacity {
  /** CPU cores. */
  readonly cpu: number;
  /** Bytes. */
  readonly memory: number;
  readonly gpu: number;
}

/** How an environment's requested compute changes (only the compiled teams are counted, so deltas are exact). */
export interface CapacityDelta {
  readonly environment: string;
  readonly atMinReplicas: Capacity;
  readonly atMaxReplicas: Capacity;
}

/** A pipeline added, removed or changed. */
export interface PipelineChange {
  readonly team: string;
  readonly pipeline: string;
  readonly environment: string;
  readonly action: ChangeAction;
  /** Cron schedule before and after (undefined: manual runs). */
  readonly scheduleBefore?: string;
  readonly scheduleAfter?: string;
  readonly scheduleChanged: boolean;
}

/** Monitoring of a deployment added, removed or changed. */
export interface MonitorChange {
  readonly team: string;
  readonly deployment: string;
  readonly action: ChangeAction;
  /** Short descriptions, e.g. `latency p99 ≤ 150 ms`, `drift psi > 0.2 on amount`. */
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/** A waiver that is new, withdrawn, expiring, or covering something this change touches. */
export interface WaiverNote {
  readonly team: string;
  readonly rule: string;
  readonly target: string;
  readonly approvedBy: string;
  readonly ticket: string;
  readonly expires: string;
  /** `changed`: same rule and target, new terms (approver, expiry, ticket or justification). */
  readonly action: 'added' | 'changed' | 'removed' | 'unchanged';
  /** Days until it expires (negative: expired). */
  readonly expiresInDays: number;
  /** True when its target is a deployment, model or pipeline this change touches. */
  readonly coversChange: boolean;
  /**
   * What the head's policy evaluation made of it: `in-use` (it suspends at least one finding),
   * `unused` (the rule passes without it), `expired`, or `rejected` (not waivable, too long, unknown
   * rule). Undefined for a removed waiver or when the head was not evaluated.
   */
  readonly status?: WaiverStatus;
}

/** How the head's policy evaluation treated a waiver. */
export type WaiverStatus = 'in-use' | 'unused' | 'expired' | 'rejected';

/** The ML-aware summary. */
export interface MlSummary {
  readonly versions: readonly ModelVersionChange[];
  readonly rollouts: readonly RolloutChange[];
  readonly capacity: readonly CapacityDelta[];
  readonly pipelines: readonly PipelineChange[];
  readonly monitors: readonly MonitorChange[];
  readonly waivers: readonly WaiverNote[];
}

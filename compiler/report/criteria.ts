/**
 * The rollout plan's success criteria: what each measures, which way is better, and the default
 * target of each phase (the table of the rollout plan). `rollout.successCriteria` in platform.yaml
 * overrides a target or drops a criterion (`false`). Pure.
 */
import type { PhaseTargets, Platform } from '../config/types.generated.ts';

/** A success criterion's id, as written in platform.yaml. */
export type CriterionId = keyof PhaseTargets;

/** A rollout phase. */
export type Phase = 1 | 2 | 3 | 4;

/** How a value is compared with the target. */
export type Comparison = '>' | '<' | '>=' | '<=';

/** What a criterion is. */
export interface CriterionInfo {
  readonly id: CriterionId;
  readonly title: string;
  /** Unit of value and target: `%`, `h`, `×` (multiple of a baseline). */
  readonly unit: '%' | 'h' | '×';
  /** Met when `value <comparison> target`. */
  readonly comparison: Comparison;
  /** Where the figure comes from. */
  readonly source: 'audit trail' | 'Prometheus' | 'audit trail + config';
}

/** Every criterion, in the order reports list them. */
export const CRITERIA: readonly CriterionInfo[] = [
  { id: 'deploymentSuccess', title: 'Model deployment success', unit: '%', comparison: '>', source: 'audit trail' },
  { id: 'timeToDeploy', title: 'Time to deploy a model', unit: 'h', comparison: '<', source: 'audit trail' },
  { id: 'availability', title: 'System uptime / availability', unit: '%', comparison: '>', source: 'Prometheus' },
  { id: 'deploymentFrequency', title: 'Deployment frequency', unit: '×', comparison: '>', source: 'audit trail' },
  { id: 'accuracyImprovement', title: 'Model accuracy improvement', unit: '%', comparison: '>=', source: 'audit trail' },
  { id: 'platformAdoption', title: 'Platform adoption', unit: '%', comparison: '>', source: 'audit trail + config' },
  { id: 'timeToMarket', title: 'Time to market', unit: '%', comparison: '<=', source: 'audit trail' },
  { id: 'complianceScore', title: 'Compliance score', unit: '%', comparison: '>=', source: 'audit trail' },
];

/** Criterion id → its description. */
export const CRITERION_BY_ID: ReadonlyMap<CriterionId, CriterionInfo> = new Map(CRITERIA.map((criterion) => [criterion.id, criterion]));

/** The rollout plan's targets per phase (phase 4 has none). */
export const DEFAULT_TARGETS: Readonly<Record<Phase, Readonly<PhaseTargets>>> = {
  1: { deploymentSuccess: 90, timeToDeploy: 2, availability: 95 },
  2: { availability: 99, deploymentFrequency: 5, accuracyImprovement: 15 },
  3: { accuracyImprovement: 25, platformAdoption: 95, timeToMarket: -40, complianceScore: 100 },
  4: {},
};

/** One criterion of a phase with its target. */
export interface PhaseTarget {
  readonly criterion: CriterionInfo;
  readonly target: number;
}

/** The criteria of `phase` with their targets: the defaults, overridden by `rollout.successCriteria`. */
export function phaseTargets(platform: Pick<Platform, 'rollout'> | undefined, phase: Phase): PhaseTarget[] {
  const overrides = platform?.rollout?.successCriteria?.[`phase${phase}`] ?? {};
  const merged: PhaseTargets = { ...DEFAULT_TARGETS[phase], ...overrides };
  return CRITERIA.flatMap((criterion) => {
    const target = merged[criterion.id];
    return typeof target === 'number' ? [{ criterion, target }] : [];
  });
}

/** True when `value` meets `target` by the criterion's comparison. */
export function meetsTarget(comparison: Comparison, value: number, target: number): boolean {
  if (comparison === '>') return value > target;
  if (comparison === '<') return value < target;
  if (comparison === '>=') return value >= target;
  return value <= target;
}

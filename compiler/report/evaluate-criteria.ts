/**
 * Judges measured figures against each phase's targets: met, not met, not measurable yet, or waived
 * (a valid criterion waiver covers a criterion that is not met or not measurable). Pure.
 */
import type { Platform } from '../config/types.generated.ts';
import { type CriterionId, meetsTarget, type Phase, phaseTargets } from './criteria.ts';
import { checkCriteriaWaivers } from './criteria-waivers.ts';
import type { CriterionResult, CriterionStatus, Measurement } from './report-model.ts';

/**
 * What the phase gate needs from the deploy repo (and Prometheus): each criterion measured. The shell
 * computes it with `measureCriteria` and passes it to `plan` as `rolloutEvidence`.
 */
export interface RolloutEvidence {
  readonly measurements: Readonly<Record<CriterionId, Measurement>>;
  /** Where it was measured, e.g. `../deploy @ 1a2b3c4` — shown in the plan. */
  readonly source: string;
  /** `YYYY-MM-DD` first and last day measured. */
  readonly window: { readonly since: string; readonly until: string };
}

/** The criteria of `phases`, each measured and judged. */
export function evaluateCriteria(platform: Pick<Platform, 'rollout' | 'metadata' | 'policies'> | undefined, measurements: Readonly<Record<CriterionId, Measurement>>, now: Date, phases: readonly Phase[] = [1, 2, 3, 4]): CriterionResult[] {
  const waivers = platform ? checkCriteriaWaivers(platform, now) : [];
  return phases.flatMap((phase) =>
    phaseTargets(platform, phase).map(({ criterion, target }) => {
      const measurement = measurements[criterion.id];
      const met = measurement.value !== undefined && meetsTarget(criterion.comparison, measurement.value, target);
      const waiver = waivers.find((candidate) => candidate.criterion === criterion.id && candidate.phase === phase && candidate.valid) ?? waivers.find((candidate) => candidate.criterion === criterion.id && candidate.phase === phase);
      const status: CriterionStatus = met ? 'met' : waiver?.valid ? 'waived' : measurement.value === undefined ? 'not-measurable' : 'not-met';
      return {
        id: criterion.id,
        title: criterion.title,
        phase,
        target,
        comparison: criterion.comparison,
        source: criterion.source,
        measurement,
        status,
        ...(waiver ? { waiver } : {}),
      };
    }),
  );
}

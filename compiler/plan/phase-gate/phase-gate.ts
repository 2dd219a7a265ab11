/**
 * The phase gate: a change that raises `rollout.phase` passes only when every success criterion of
 * each phase it leaves behind is met, as measured from the deploy repo (`RolloutEvidence`, computed
 * by the shell), or validly waived by the platform owners. Targets and waivers come from the base:
 * the PR cannot change the rules that judge it. Without evidence every criterion is "not measurable"
 * and the gate fails with ML702, which says how to provide it. Pure.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import type { CriterionId, Phase } from '../../report/criteria.ts';
import { checkCriteriaWaivers } from '../../report/criteria-waivers.ts';
import { evaluateCriteria, type RolloutEvidence } from '../../report/evaluate-criteria.ts';
import type { CriterionResult, Measurement } from '../../report/report-model.ts';
import type { ResolvedOrg } from '../../resolve/resolved-org.ts';

/** The gate's verdict on a change that raises the phase. */
export interface PhaseGate {
  readonly fromPhase: Phase;
  readonly toPhase: Phase;
  readonly status: 'passed' | 'failed';
  /** The criteria of every phase from `fromPhase` to `toPhase - 1`, measured and judged. */
  readonly criteria: readonly CriterionResult[];
  /** Where the figures were measured; absent when the plan had no evidence. */
  readonly evidence?: { readonly source: string; readonly since: string; readonly until: string };
  /** ML701 or ML702 when the gate fails, at `rollout.phase` of the head's platform.yaml; ML703 for each head waiver of a gated phase that does not apply. */
  readonly diagnostics: readonly Diagnostic[];
}

const NO_EVIDENCE: Measurement = { unit: '', method: 'measured from the deploy repo\'s audit trail', events: 0, reason: 'the plan was made without the deploy repo (--deploy-repo)' };

function noEvidence(): Record<CriterionId, Measurement> {
  return { deploymentSuccess: NO_EVIDENCE, timeToDeploy: NO_EVIDENCE, availability: NO_EVIDENCE, deploymentFrequency: NO_EVIDENCE, accuracyImprovement: NO_EVIDENCE, platformAdoption: NO_EVIDENCE, timeToMarket: NO_EVIDENCE, complianceScore: NO_EVIDENCE };
}

/** The gate, when the head raises the phase above the base's; undefined otherwise. */
export function phaseGate(base: ResolvedOrg | undefined, head: ResolvedOrg | undefined, evidence: RolloutEvidence | undefined, now: Date): PhaseGate | undefined {
  if (!base || !head || head.platform.phase <= base.platform.phase) return undefined;
  const fromPhase = base.platform.phase;
  const toPhase = head.platform.phase;
  const phases = ([1, 2, 3, 4] as const).filter((phase) => phase >= fromPhase && phase < toPhase);
  const criteria = evaluateCriteria(base.platform.config, evidence?.measurements ?? noEvidence(), now, phases);
  const blocking = criteria.filter((result) => result.status === 'not-met' || result.status === 'not-measurable');
  const diagnostics: Diagnostic[] = [];
  const file = head.platform.file === undefined ? undefined : head.files.get(head.platform.file);
  if (blocking.length > 0 && file) {
    const names = blocking.map((result) => `${result.title} (phase ${result.phase}: ${result.status === 'not-met' ? 'not met' : 'not measurable yet'})`).join(', ');
    diagnostics.push(
      evidence
        ? diagnosticAt(file, ['rollout', 'phase'], 'ML701', `Rollout phase ${fromPhase} → ${toPhase}: ${blocking.length} success criteri${blocking.length === 1 ? 'on is' : 'a are'} not met: ${names}.`, { hint: 'Every criterion must be met or waived by a platform owner in `rollout.criteriaWaivers` (on the base branch) before the phase is raised.' })
        : diagnosticAt(file, ['rollout', 'phase'], 'ML702', `Rollout phase ${fromPhase} → ${toPhase}: the success criteria cannot be measured without the deploy repo.`, { hint: 'Plan with `--deploy-repo <deploy-repo>` (and `--prometheus <url>` for availability).' }),
    );
  }
  if (file) {
    checkCriteriaWaivers(head.platform.config, now).forEach((waiver, index) => {
      if (!waiver.valid && phases.includes(waiver.phase)) diagnostics.push(diagnosticAt(file, ['rollout', 'criteriaWaivers', index], 'ML703', `The waiver of ${waiver.criterion} (phase ${waiver.phase}) does not apply: ${waiver.problem ?? ''}.`));
    });
  }
  return {
    fromPhase,
    toPhase,
    status: blocking.length === 0 ? 'passed' : 'failed',
    criteria,
    ...(evidence ? { evidence: { source: evidence.source, since: evidence.window.since, until: evidence.window.until } } : {}),
    diagnostics,
  };
}

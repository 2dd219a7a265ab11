/** The phase gate of a change that raises `rollout.phase`: each criterion as measured, and the verdict. */
import { PHASE_NAMES } from '../../../validate/capabilities.ts';
import { criterionRow } from '../../../report/render/report-view.ts';
import type { Plan } from '../../plan-model.ts';
import { escapeInline } from '../escape.ts';
import type { PhaseGateView } from '../view-model.ts';

/** The phase-gate section (hidden when the change does not raise the phase). */
export function phaseGateView(plan: Plan): PhaseGateView {
  const gate = plan.phaseGate;
  if (!gate) return { show: false, headline: '', passed: true, evidence: '', rows: [] };
  const passed = gate.status === 'passed';
  return {
    show: true,
    passed,
    headline: escapeInline(`Rollout phase ${gate.fromPhase} (${PHASE_NAMES[gate.fromPhase]}) → ${gate.toPhase} (${PHASE_NAMES[gate.toPhase]}): ${passed ? 'every success criterion is met or waived.' : 'blocked until every success criterion is met or waived by a platform owner.'}`),
    evidence: escapeInline(gate.evidence ? `Measured from ${gate.evidence.source}, ${gate.evidence.since} to ${gate.evidence.until}.` : 'Not measured: the plan was made without the deploy repo (`mlops plan --deploy-repo <deploy-repo>`).'),
    rows: gate.criteria.map((result) => {
      const row = criterionRow(result);
      return { phase: result.phase, title: escapeInline(row.title), target: escapeInline(row.target), value: escapeInline(row.value), status: row.statusText, events: row.events, how: escapeInline(row.how) };
    }),
  };
}

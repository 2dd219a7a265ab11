/** Diagnostic codes of the plan stage (ML7xx). */
import { defineCodes } from '../diagnostics/code-table.ts';

/** Codes of the plan stage. */
export const PLAN_CODES = defineCodes({
  ML701: {
    severity: 'error',
    title: 'Rollout phase raised before its success criteria are met',
    description: 'The change raises `rollout.phase`, but a success criterion of a phase it leaves behind is not met, or not measurable yet, as measured from the deploy repo\'s audit trail (and Prometheus). The criteria and their targets are those of the base branch (`rollout.successCriteria`, defaulting to the rollout plan\'s table).',
    fix: 'Wait until the plan\'s phase-gate table shows every criterion met, or have a platform owner waive the named criterion in a separate change: `rollout.criteriaWaivers: [{ criterion, phase, justification, ticket, approvedBy, expires }]`.',
  },
  ML702: {
    severity: 'error',
    title: 'Rollout phase raised without rollout evidence',
    description: 'The change raises `rollout.phase`, but the plan was made without the deploy repo, so no success criterion could be measured: the phase gate cannot pass.',
    fix: 'Plan with the deploy repo: `mlops plan --base main --deploy-repo <deploy-repo> [--prometheus <url>]` (the bot passes its deploy repo itself); or waive every criterion of the phase in `rollout.criteriaWaivers`.',
  },
  ML703: {
    severity: 'warning',
    title: 'Criterion waiver does not apply',
    description: 'A waiver in `rollout.criteriaWaivers` of a phase the change leaves behind does not waive: it has expired, runs longer than `policies.maxWaiverDays`, its date is not a real `YYYY-MM-DD`, or its `approvedBy` is not one of the platform owners (`metadata.owners`).',
    fix: 'Have a platform owner approve it, with an expiry at most `policies.maxWaiverDays` (default 90) days away; remove it when it is no longer needed.',
  },
});

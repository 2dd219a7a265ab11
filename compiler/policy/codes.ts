/** Diagnostic codes of the policy stage (ML6xx): mistakes in policy configuration itself. */
import { defineCodes } from '../diagnostics/code-table.ts';

/** Codes of the policy stage. */
export const POLICY_CODES = defineCodes({
  ML601: { severity: 'error', title: 'CEL syntax error', description: 'The `expression` of a custom rule is not valid CEL.', fix: 'Fix the expression at the position the message names; the CEL spec lists the syntax.' },
  ML602: { severity: 'error', title: 'CEL type error', description: 'The `expression` of a custom rule uses an unknown variable, an operator on the wrong types, or does not return a boolean.', fix: 'Use only `object`, `environment` and `team`, and make the expression return true when the object complies.' },
  ML603: { severity: 'warning', title: 'CEL evaluation error', description: 'A custom rule failed while evaluating an object, usually because a field is absent.', fix: 'Guard optional fields with `has(object.field)`.' },
  ML604: { severity: 'error', title: 'Team weakens an org rule', description: 'A team set a mode for an org or built-in rule that is weaker than the organisation\'s (lower, or `disabled`). Teams may only make rules stricter.', fix: 'Remove the team mode, or raise it to at least the org\'s mode; ask the platform team to change the org mode instead.' },
  ML605: { severity: 'error', title: 'Team raises a threshold', description: 'A team set `maxCanaryTraffic` above the organisation\'s limit.', fix: 'Use a value no higher than the org\'s `policies.maxCanaryTraffic`.' },
  ML606: { severity: 'error', title: 'Unknown rule', description: 'A mode or waiver names a rule id that is neither built in nor declared by the org or this team.', fix: 'Use a rule id from `mlops explain --list` or the hint.' },
  ML607: { severity: 'error', title: 'Invalid custom rule', description: 'A custom rule has the wrong id prefix for its file (`org/` in platform.yaml, `team/` in a team file), matches an unknown target, or (in a team file) restricts `match.teams`.', fix: 'Follow the message: rename the rule or fix the target.' },
  ML608: { severity: 'warning', title: 'Waiver expired', description: 'A waiver\'s `expires` date is in the past. It no longer waives anything; findings it covered are reported again.', fix: 'Fix the findings and remove the waiver, or renew it with a new approval.' },
  ML609: { severity: 'error', title: 'Waiver too long', description: 'A waiver expires later than the platform\'s `policies.maxWaiverDays` from today.', fix: 'Set `expires` within the maximum; renew it when it runs out.' },
  ML610: { severity: 'error', title: 'Rule not waivable', description: 'A waiver names a rule the organisation marked non-waivable (`policies.nonWaivable`, `waivable: false`, or a built-in non-waivable rule).', fix: 'Fix the finding; the rule cannot be waived.' },
  ML611: { severity: 'info', title: 'Waiver unused', description: 'An active waiver matched no finding: the rule now passes for its target.', fix: 'Remove the waiver.' },
});

/**
 * The three check runs as data (pure): conclusion, title, Markdown summary and line annotations, from
 * a change's evaluation and its approval status. Publishing them is `publish/publish-checks.ts`.
 */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.ts';
import type { ApprovalStatus, RequiredApprovals } from '../../compiler/plan/approvals/approval-model.ts';
import { escapeInline } from '../../compiler/plan/report/escape.ts';
import type { IgnoredReview } from '../approvals/review-verdicts.ts';
import type { ChangeEvaluation } from '../core/evaluate-change.ts';
import type { CheckAnnotation, CheckConclusion, CheckRunOutput } from '../forge/forge.ts';
import { annotationsOf, MAX_ANNOTATIONS } from './annotations.ts';
import { ALL_CHECK_NAMES, CHECK_NAMES } from './check-names.ts';
import { fitText, plainText, TITLE_LIMIT } from './text-limits.ts';

/** One check run's result. */
export interface CheckResult {
  readonly name: string;
  readonly conclusion: CheckConclusion;
  readonly output: CheckRunOutput;
  readonly annotations: readonly CheckAnnotation[];
}

function result(name: string, conclusion: CheckConclusion, title: string, summary: string, annotations: readonly CheckAnnotation[] = []): CheckResult {
  return { name, conclusion, output: { title: plainText(title, TITLE_LIMIT), summary: fitText(summary) }, annotations };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function diagnosticLines(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((diagnostic) => `- **${diagnostic.severity}** <code>${escapeInline(diagnostic.code)}</code> ${escapeInline(diagnostic.file)}:${diagnostic.range.start.line}:${diagnostic.range.start.column} — ${escapeInline(diagnostic.message)}`)
    .join('\n');
}

function diagnosticsCheck(name: string, diagnostics: readonly Diagnostic[], clean: string, what: string, preface = ''): CheckResult {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length;
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  const more = diagnostics.length > MAX_ANNOTATIONS ? `\n\n${diagnostics.length - MAX_ANNOTATIONS} more findings are not annotated; run \`mlops check\` locally to see them all.` : '';
  const summary = diagnostics.length === 0 ? `${preface}${clean}` : `${preface}${counts}.\n\n${diagnosticLines(diagnostics)}${more}`;
  const title = errors > 0 ? `${what}: ${counts}` : diagnostics.length > 0 ? `Passed with ${plural(warnings, 'warning')}` : clean;
  return result(name, errors > 0 ? 'failure' : 'success', title, summary, annotationsOf(diagnostics));
}

/** The three checks of a change that touches no config: success at once. */
export function noConfigChecks(): CheckResult[] {
  return ALL_CHECK_NAMES.map((name) => result(name, 'success', 'No config changes', 'This change touches no Cirrus MLOps config (`platform.yaml`, `teams/`), so there is nothing to check.'));
}

/** `mlops/validate`: load, schema, semantic, rollout-phase and emit diagnostics of the head. */
export function validateCheck(evaluation: ChangeEvaluation): CheckResult {
  return diagnosticsCheck(CHECK_NAMES.validate, evaluation.validation, 'Config is valid', 'Invalid config');
}

/** `mlops/policy`: policy findings under the head's rules and, when the change edits them, the base's. */
export function policyCheck(evaluation: ChangeEvaluation): CheckResult {
  if (evaluation.validation.some((diagnostic) => diagnostic.severity === 'error')) {
    return result(CHECK_NAMES.policy, 'failure', 'Not evaluated: the config does not validate', 'Policies run on valid config only; fix the errors of `mlops/validate` first.');
  }
  const preface = evaluation.judgedByBaseRules ? "This change edits the org rules in platform.yaml. Team files are judged by the base branch's rules as well as the new ones: a change cannot relax the rules that judge it.\n\n" : '';
  return diagnosticsCheck(CHECK_NAMES.policy, evaluation.policy, 'All policies pass', 'Policy violations', preface);
}

const IGNORED_TEXT: Record<IgnoredReview['reason'], string> = {
  author: "the author's own approval never counts",
  dismissed: 'dismissed',
  stale: 'given before a later push changed the config',
};

/** `mlops/approvals`: the plan's required approvals against the reviews that count. */
export function approvalsCheck(required: RequiredApprovals, status: ApprovalStatus, ignored: readonly IgnoredReview[]): CheckResult {
  const lines = required.rules.map((rule, index) => {
    const state = status.rules[index]!;
    const who = rule.approvers.length === 0 ? 'any reviewer but the author' : rule.approvers.map(escapeInline).join(' or ');
    const by = state.approvedBy.length > 0 ? ` Approved by ${state.approvedBy.map(escapeInline).join(', ')}.` : '';
    return `- ${state.satisfied ? '✅' : '⏳'} ${escapeInline(rule.reason)} Needs ${rule.count} from ${who}${state.missing > 0 ? `; ${state.missing} missing` : ''}.${by}`;
  });
  const conflicts = status.conflicts.map((conflict) => `- ⛔ ${escapeInline(conflict)}`);
  const notes = ignored.map((review) => `- ${escapeInline(review.reviewer)}: not counted (${IGNORED_TEXT[review.reason]})`);
  const missing = status.rules.reduce((sum, rule) => sum + rule.missing, 0);
  const title = required.rules.length === 0 ? 'No approvals required' : status.satisfied ? 'All required approvals given' : status.conflicts.length > 0 ? 'Approval conflict: see the summary' : `${plural(missing, 'approval')} missing`;
  const summary = [required.rules.length === 0 ? 'This change needs no approvals beyond branch protection.' : lines.join('\n'), ...(conflicts.length > 0 ? ['', ...conflicts] : []), ...(notes.length > 0 ? ['', 'Reviews not counted:', ...notes] : [])].join('\n');
  return result(CHECK_NAMES.approvals, status.satisfied ? 'success' : 'failure', title, summary);
}

/** `mlops/approvals` of a merge-queue entry: its pull requests passed the check to enter the queue. */
export function mergeGroupApprovalsCheck(): CheckResult {
  return result(CHECK_NAMES.approvals, 'success', 'Approved on the queued pull requests', 'Pull requests enter the merge queue only once `mlops/approvals` passed on each of them; the queue re-checks validity and policies of the combined change.');
}

/** The three checks after an internal error: failed, with a readable message, never silence. */
export function crashedChecks(message: string): CheckResult[] {
  const summary = `The Cirrus MLOps bot failed while checking this change:\n\n\`\`\`\n${plainText(message, 2000).replaceAll('```', "'''")}\n\`\`\`\n\nComment \`/mlops plan\` to try again; if it keeps failing, tell your platform team.`;
  return ALL_CHECK_NAMES.map((name) => result(name, 'failure', 'The bot hit an internal error', summary));
}

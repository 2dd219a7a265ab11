/** The PR comment of a deploy that did not land: what failed, and where it is recorded. Pure. */
import { sanitizeLine } from '../../compiler/deploy/commit-trailers.ts';
import { escapeInline } from '../../compiler/plan/report/escape.ts';

/** Marker of deploy failure comments. */
export const DEPLOY_FAILURE_MARKER = '<!-- cirrus-mlops:deploy-failed -->';

/** The comment body. */
export function deployFailureComment(failure: { readonly sha: string; readonly reason: string; readonly details?: readonly string[]; readonly auditSeq?: number; readonly deployRepo: string }): string {
  const details = (failure.details ?? []).slice(0, 10).map((line) => `- ${escapeInline(sanitizeLine(line, 300))}`);
  const recorded = failure.auditSeq !== undefined ? `Recorded as audit entry #${failure.auditSeq} (\`deploy-failed\`) in ${escapeInline(sanitizeLine(failure.deployRepo))}.` : 'The failure could not be recorded in the audit trail either; the bot log has the details.';
  return [
    DEPLOY_FAILURE_MARKER,
    `### ✖ Cirrus MLOps could not deploy \`${failure.sha.slice(0, 12).replace(/[^0-9a-f]/g, '')}\``,
    '',
    escapeInline(sanitizeLine(failure.reason, 500)),
    ...(details.length > 0 ? ['', ...details] : []),
    '',
    `${recorded} The deploy repo was left as it was; fix the cause and merge again (or redeliver the webhook).`,
    '',
  ].join('\n');
}

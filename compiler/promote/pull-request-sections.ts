/**
 * The pieces of a promotion or rollback pull request, as small pure functions: title, branch,
 * change lines, evidence from the audit trail. User strings are escaped for Markdown here; the
 * handlebars template (`templates/promote/pull-request.md.hbs`) only arranges them.
 */
import type { AuditEntry } from '../audit/audit-entry.ts';
import { escapeInline, inlineCode } from '../plan/report/escape.ts';
import type { PromotionAllowed } from './promotion-allowed.ts';
import type { PromotionChange } from './promotion-edit.ts';

/** The sticky marker that identifies a pull request opened by `mlops promote` / `mlops rollback`. */
export const PULL_REQUEST_MARKER = '<!-- mlops:promote -->';

/** A git-ref-safe slug of user input (letters, digits, `.`, `_`, `-`). */
export function refSlug(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/\.{2,}/g, '.').replace(/^[-.]+|[-.]+$/g, '').slice(0, 60) || 'x';
}

/** A deployment's serving state in words: `1.4.0` or `1.4.0 (canary 1.5.0 at 10 %)`. */
export function servingWords(block: Readonly<Record<string, unknown>> | undefined): string {
  if (!block) return 'nothing';
  const version = typeof block.version === 'string' ? block.version : String(block.version ?? '?');
  const canary = block.canary as { version?: unknown; traffic?: unknown } | undefined;
  return canary && canary.version !== undefined ? `${version} (canary ${String(canary.version)} at ${String(canary.traffic)} %)` : version;
}

/** A deploy of the trail in words: `#12 at seq 7` or `abc1234 at seq 7`. */
export function deployWords(entry: AuditEntry): string {
  return entry.source.pr !== undefined ? `#${entry.source.pr} at seq ${entry.seq}` : `${entry.source.sha.slice(0, 7)} at seq ${entry.seq}`;
}

/** Keys of two blocks whose values differ, besides version and canary. */
export function otherChangedKeys(current: Readonly<Record<string, unknown>>, restored: Readonly<Record<string, unknown>>): string[] {
  const keys = [...new Set([...Object.keys(current), ...Object.keys(restored)])].filter((key) => key !== 'version' && key !== 'canary');
  return keys.filter((key) => JSON.stringify(current[key]) !== JSON.stringify(restored[key])).sort();
}

/** The one-line description of a rollback, e.g. "prod: fraud-api back from 1.5.0 to 1.4.0, as deployed in #12 at seq 7". */
export function rollbackDescription(deployment: string, environment: string, current: Readonly<Record<string, unknown>>, restored: Readonly<Record<string, unknown>>, target: AuditEntry): string {
  const others = otherChangedKeys(current, restored);
  const also = others.length > 0 ? `; also restores ${others.join(', ')}` : '';
  return `${environment}: ${deployment} back from ${servingWords(current)} to ${servingWords(restored)}, as deployed in ${deployWords(target)}${also}`;
}

/** Title of a promotion pull request. */
export function promotionTitle(change: PromotionChange): string {
  return `Promote ${change.deployment} ${change.version} to ${change.environment}`;
}

/** Branch of a promotion pull request. */
export function promotionBranch(change: PromotionChange): string {
  return `mlops/promote-${refSlug(change.deployment)}-${refSlug(change.version)}-to-${refSlug(change.environment)}`;
}

/** Title of a rollback pull request. */
export function rollbackTitle(deployment: string, environment: string, restored: Readonly<Record<string, unknown>>, target: AuditEntry): string {
  return `Roll back ${deployment} in ${environment} to ${servingWords(restored)} (deploy seq ${target.seq})`;
}

/** Branch of a rollback pull request. */
export function rollbackBranch(deployment: string, environment: string, target: AuditEntry): string {
  return `mlops/rollback-${refSlug(deployment)}-${refSlug(environment)}-to-seq-${target.seq}`;
}

/** The evidence lines of a promotion: why the promotion path allows it, and the deploy that put the version in the source environment. */
export function promotionEvidence(decision: PromotionAllowed, change: PromotionChange, trail: readonly AuditEntry[]): string[] {
  const deploy = trail.find((entry) => entry.seq === decision.servedSinceSeq);
  const lines = [escapeInline(decision.reason)];
  if (deploy) lines.push(`${inlineCode(change.version)} became the stable version in ${inlineCode(decision.from)} with ${deployMarkdown(deploy)} (${escapeInline(deploy.time)}).`);
  return lines;
}

/** The note on the environment's canary, or undefined when there was none. */
export function canaryNote(change: PromotionChange): string | undefined {
  if (!change.canary) return undefined;
  return change.canaryCompleted
    ? `The canary of ${inlineCode(change.canary.version)} at ${change.canary.traffic} % ran the promoted version: this pull request completes it and removes its ${inlineCode('canary')} block.`
    : `The canary of ${inlineCode(change.canary.version)} at ${change.canary.traffic} % is left as it is.`;
}

/** A deploy in Markdown: `#12 at seq 7` with a real link to the pull request when its number is an integer. */
function deployMarkdown(entry: AuditEntry): string {
  const pr = entry.source.pr;
  return typeof pr === 'number' && Number.isSafeInteger(pr) && pr > 0 ? `#${pr} at seq ${entry.seq}` : escapeInline(`${entry.source.sha.slice(0, 7)} at seq ${entry.seq}`);
}

/** The lines about the trail entries a rollback relies on. */
export function rollbackEvidence(target: AuditEntry, undone: AuditEntry | undefined): string[] {
  const lines = [`Restores the desired state of ${deployMarkdown(target)} (source ${inlineCode(target.source.sha.slice(0, 12))}, ${escapeInline(target.time)}).`];
  if (undone && undone.seq !== target.seq) lines.push(`Undoes ${deployMarkdown(undone)} (source ${inlineCode(undone.source.sha.slice(0, 12))}, ${escapeInline(undone.time)}).`);
  return lines;
}

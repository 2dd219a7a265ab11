/**
 * Which deploy a rollback restores, from the audit trail: the deploy named by `to <seq>`, or by default
 * the deploy just before the last one that changed the deployment in the environment (its source is the
 * config exactly as it stood before that change, including settings the trail's change summary does not
 * record). Its source SHA is the config-repo revision whose team file holds the block to restore (the
 * shell reads it). Pure.
 */
import type { AuditEntry } from '../audit/audit-entry.ts';
import type { PROMOTE_CODES } from './codes.ts';
import { servingTimeline, type ServingState, type TimelineKey } from './serving-timeline.ts';

/** The deploy to restore and the one whose change is undone. */
export interface RollbackTarget {
  /** The deploy entry whose desired state is restored (its `source.sha` names the revision). */
  readonly target: AuditEntry;
  /** What the deployment served in the environment after `target`. */
  readonly state: ServingState;
  /** The last deploy that changed the deployment in the environment (what the rollback undoes). */
  readonly undone?: AuditEntry;
}

/** Why no rollback target was found. */
export interface RollbackTargetRefused {
  readonly code: keyof typeof PROMOTE_CODES;
  readonly reason: string;
  readonly hint?: string;
}

/** Finds the deploy to restore for `key`, by `toSeq` or by default. */
export function rollbackTarget(entries: readonly AuditEntry[], key: TimelineKey, toSeq?: number): RollbackTarget | RollbackTargetRefused {
  const steps = servingTimeline(entries, key);
  const name = `\`${key.deployment}\` in ${key.environment}`;
  const changes = steps.filter((step) => step.changed);
  const undone = changes.at(-1)?.entry;
  if (toSeq !== undefined) {
    const step = steps.find((candidate) => candidate.entry.seq === toSeq);
    if (!step) {
      const entry = entries.find((candidate) => candidate.seq === toSeq);
      const reason = entry ? `Audit entry ${toSeq} is a \`${entry.event}\` event, not a deploy.` : `The audit trail has no entry ${toSeq}.`;
      return { code: 'ML810', reason, hint: 'Name the seq of a deploy, rollback or promotion entry (see `mlops audit log`).' };
    }
    if (!step.state) return { code: 'ML812', reason: `After deploy ${toSeq}, ${name} was not running, so there is no state to restore.` };
    return { target: step.entry, state: step.state, ...(undone ? { undone } : {}) };
  }
  if (!undone) return { code: 'ML811', reason: `The audit trail has no deploy of ${name}.` };
  const previous = steps[steps.findIndex((step) => step.entry.seq === undone.seq) - 1];
  if (changes.length < 2 || !previous) return { code: 'ML811', reason: `${name} first came with deploy ${undone.seq}; there is no earlier state to restore.`, hint: 'Roll back by removing it in an ordinary pull request.' };
  if (!previous.state) return { code: 'ML812', reason: `Before deploy ${undone.seq}, ${name} was not running (removed in deploy ${changes.at(-2)!.entry.seq}).`, hint: 'Name an earlier deploy with `to <seq>`.' };
  return { target: previous.entry, state: previous.state, undone };
}

/**
 * The audit records of one deploy commit: the deploy's own entry (with the approvals that counted,
 * evaluated against the approvals the change needs), then one `waiver-used` entry per waiver the
 * deployed change relied on (who granted it, rule, target, expiry, why) — chained in that order — and
 * the commit message whose trailers name them. Built once by `deploy`, and again by the shell when it
 * resolved the reviewers' team memberships only after the render told it which teams the rules name
 * (`withApprovals`). Pure.
 */
import { type AuditEntry, type AuditWaiver, chainEntry, type UnchainedAuditEntry } from '../audit/audit-entry.ts';
import type { RequiredApprovals, Review } from '../plan/approvals/approval-model.ts';
import { approvalRecords } from './audit-details.ts';
import { deployCommitMessage } from './commit-trailers.ts';

/** What the records are built from: the entry but its approvals, the approvals needed, the waivers relied on. */
export interface DeployRecordParts {
  readonly entry: Omit<UnchainedAuditEntry, 'approvers' | 'approvals'>;
  readonly required: RequiredApprovals;
  /** With their justification; `entry.policy.waivers` lists the same without it. */
  readonly waivers: readonly AuditWaiver[];
  /** Lines of the commit body after the ML summary. */
  readonly details: readonly string[];
}

/** The chained records and the commit message. */
export interface DeployRecords {
  readonly entry: AuditEntry;
  /** One `waiver-used` entry per waiver, chained after `entry`. */
  readonly waiverEntries: readonly AuditEntry[];
  readonly commitMessage: string;
}

/** The waiver-used entry of one waiver, about the deploy `entry` records. */
function waiverEntry(entry: AuditEntry, waiver: AuditWaiver): UnchainedAuditEntry {
  const approval = entry.approvals.find((candidate) => candidate.id === `waiver:${waiver.team}:${waiver.rule}:${waiver.target}`);
  const granted = waiver.approvedBy ? ` granted by ${waiver.approvedBy}` : '';
  const ticket = waiver.ticket ? ` (${waiver.ticket})` : '';
  const reason = waiver.justification ? `: ${waiver.justification}` : '';
  return {
    time: entry.time,
    event: 'waiver-used',
    actor: entry.actor,
    source: entry.source,
    approvers: approval ? approval.approvedBy : [],
    approvals: approval ? [approval] : [],
    deploy: entry.deploy,
    environments: entry.environments,
    teams: [waiver.team],
    changes: [],
    policy: { passed: entry.policy.passed, errors: entry.policy.errors, warnings: entry.policy.warnings, waivers: entry.policy.waivers.filter((candidate) => candidate.team === waiver.team && candidate.rule === waiver.rule && candidate.target === waiver.target) },
    waiver,
    message: `Waiver of ${waiver.rule} for ${waiver.team}/${waiver.target}${granted}${ticket}, expires ${waiver.expires}, relied on by deploy entry ${entry.seq}${reason}`.slice(0, 500),
  };
}

/** Chains the deploy entry after `previous`, the waiver entries after it, and writes the commit message. */
export function deployRecords(parts: DeployRecordParts, reviews: readonly Review[], previous: AuditEntry | undefined): DeployRecords {
  const { approvals, approvers } = approvalRecords(parts.required, reviews);
  const entry = chainEntry({ ...parts.entry, approvers, approvals }, previous);
  const waiverEntries: AuditEntry[] = [];
  for (const waiver of parts.waivers) waiverEntries.push(chainEntry(waiverEntry(entry, waiver), waiverEntries.at(-1) ?? entry));
  return { entry, waiverEntries, commitMessage: deployCommitMessage(entry, parts.details, waiverEntries.at(-1)?.seq) };
}

/**
 * Which reviews can count (pure): a reviewer's latest decisive review (approve, request changes,
 * dismissed) is their verdict, as on GitHub; only approvals from someone other than the author are
 * candidates. Whether a candidate's approval is still current is decided by `collect-approvals.ts`.
 */
import { normalizeHandle } from '../../compiler/plan/approvals/approval-model.ts';
import type { ReviewRecord } from '../forge/forge.ts';

/** Why a review does not count. */
export type IgnoredReason = 'author' | 'dismissed' | 'stale';

/** A review left out, for the check's explanation. */
export interface IgnoredReview {
  readonly reviewer: string;
  readonly reason: IgnoredReason;
}

/** Approvals that may count, and reviews left out. */
export interface ReviewVerdicts {
  readonly approvals: readonly ReviewRecord[];
  readonly ignored: readonly IgnoredReview[];
}

/** The latest decisive review of each reviewer; approvals of others than the author are candidates. */
export function reviewVerdicts(reviews: readonly ReviewRecord[], author: string): ReviewVerdicts {
  const latest = new Map<string, ReviewRecord>();
  for (const review of [...reviews].sort((a, b) => a.id - b.id)) {
    if (review.state === 'COMMENTED' || review.state === 'PENDING') continue;
    latest.set(normalizeHandle(review.reviewer), review);
  }
  const self = normalizeHandle(author);
  const approvals: ReviewRecord[] = [];
  const ignored: IgnoredReview[] = [];
  for (const [handle, review] of [...latest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (review.state === 'DISMISSED') ignored.push({ reviewer: handle, reason: 'dismissed' });
    else if (review.state !== 'APPROVED') continue;
    else if (handle === self) ignored.push({ reviewer: handle, reason: 'author' });
    else approvals.push(review);
  }
  return { approvals, ignored };
}

/** Team handles (`@org/team`) among approvers, as `[org, team]`; users and `sso:` groups are not teams. */
export function teamHandles(approvers: readonly string[]): Array<readonly [string, string]> {
  const teams = new Map<string, readonly [string, string]>();
  for (const approver of approvers) {
    const match = /^@([A-Za-z0-9-]+)\/([A-Za-z0-9_.-]+)$/.exec(approver.trim());
    if (match) teams.set(normalizeHandle(approver), [match[1]!, match[2]!]);
  }
  return [...teams.values()];
}

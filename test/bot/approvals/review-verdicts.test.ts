import { describe, expect, it } from 'vitest';
import { reviewVerdicts, teamHandles } from '../../../bot/approvals/review-verdicts.ts';
import type { ReviewRecord } from '../../../bot/forge/forge.ts';

const review = (id: number, reviewer: string, state: ReviewRecord['state']): ReviewRecord => ({ id, reviewer, state, commitId: 'c'.repeat(40) });

describe('reviewVerdicts', () => {
  it("takes each reviewer's latest decisive review; comments do not undo an approval", () => {
    const verdicts = reviewVerdicts([review(1, 'bob', 'APPROVED'), review(2, 'bob', 'COMMENTED'), review(3, 'carol', 'APPROVED'), review(4, 'carol', 'CHANGES_REQUESTED'), review(5, 'dan', 'APPROVED'), review(6, 'dan', 'DISMISSED'), review(7, 'Alice', 'APPROVED')], 'alice');
    expect(verdicts.approvals.map((approval) => approval.reviewer)).toEqual(['bob']);
    expect(verdicts.ignored).toEqual([
      { reviewer: '@alice', reason: 'author' },
      { reviewer: '@dan', reason: 'dismissed' },
    ]);
  });

  it('lists team handles among approvers', () => {
    expect(teamHandles(['@acme/fraud-ml', '@bob', 'sso:group', '@acme/fraud-ml'])).toEqual([['acme', 'fraud-ml']]);
  });
});

/** The data the bot needs for its approver ≠ author check. */
import { describe, expect, it } from 'vitest';
import { addedWaivers, selfApprovedWaivers } from '../../compiler/policy/waiver-changes.ts';
import { type Edit, resolveFixture } from './support.ts';

const waiver = (approvedBy: string, expires = '2026-12-31'): Edit => [
  'features: [amount] }\n',
  `features: [amount] }\npolicies:\n  waivers:\n    - { rule: k8s/read-only-root-fs, target: team, justification: "scratch files until v2", ticket: SEC-1, approvedBy: "${approvedBy}", expires: "${expires}" }\n`,
];

describe('waiver changes', () => {
  it('finds waivers a change adds or edits, and those approved by the author', () => {
    const base = resolveFixture({ team: [waiver('@sec-lead')] });
    expect(addedWaivers(base, resolveFixture({ team: [waiver('@sec-lead')] }))).toEqual([]);
    const renewed = addedWaivers(base, resolveFixture({ team: [waiver('@Lena', '2027-01-15')] }));
    expect(renewed).toEqual([expect.objectContaining({ team: 'fraud', rule: 'k8s/read-only-root-fs', approvedBy: '@Lena', expires: '2027-01-15' })]);
    expect(selfApprovedWaivers(renewed, 'lena')).toHaveLength(1);
    expect(selfApprovedWaivers(renewed, '@omar')).toHaveLength(0);
  });

  it('treats every waiver as added when there is no base', () => {
    expect(addedWaivers(undefined, resolveFixture({ team: [waiver('@sec-lead')] }))).toHaveLength(1);
  });
});

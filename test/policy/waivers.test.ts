/** Waivers: justified, approved, expiring; checked against an injected clock. */
import { describe, expect, it } from 'vitest';
import { checkFixture, deployment, type Edit, NOW, secureContainer, securePod, TEAM_FILE, withCode } from './support.ts';

const NO_DIGEST: Edit = ['        digest: sha256:bbbb', '        # sha256:bbbb'];
const END_OF_TEAM = 'features: [amount] }\n';

function waiver(fields: { rule?: string; target?: string; expires?: string } = {}): Edit {
  const yaml = [
    'policies:',
    '  waivers:',
    `    - rule: ${fields.rule ?? 'ml/model-digest'}`,
    `      target: ${fields.target ?? 'models/fraud-detector'}`,
    '      justification: the legacy artifact store cannot compute digests',
    '      ticket: SEC-123',
    '      approvedBy: "@sec-lead"',
    `      expires: "${fields.expires ?? '2026-12-31'}"`,
  ].join('\n');
  return [END_OF_TEAM, `${END_OF_TEAM}${yaml}\n`];
}

const FINDING = `ml/model-digest error ${TEAM_FILE}:19:7`;

describe('waivers', () => {
  it('suspends a finding and exposes the waiver, its approver and the waived finding as data', () => {
    const result = checkFixture({ team: [NO_DIGEST, waiver()] });
    expect(withCode(result, 'ml/model-digest')).toEqual([]);
    expect(result.waivers).toEqual([
      expect.objectContaining({ rule: 'ml/model-digest', team: 'fraud', target: 'models/fraud-detector', approvedBy: '@sec-lead', ticket: 'SEC-123', expires: '2026-12-31', daysLeft: 34 }),
    ]);
    const waived = result.findings.filter((finding) => finding.waivedBy);
    expect(waived.map((finding) => [finding.ruleId, finding.severity, finding.waivedBy!.approvedBy])).toEqual([['ml/model-digest', 'error', '@sec-lead']]);
  });

  it('still applies on its last day', () => {
    const result = checkFixture({ team: [NO_DIGEST, waiver({ expires: '2026-11-27' })] });
    expect(withCode(result, 'ml/model-digest')).toEqual([]);
    expect(result.waivers[0]!.daysLeft).toBe(0);
  });

  it('stops waiving once expired and is reported itself', () => {
    const result = checkFixture({ team: [NO_DIGEST, waiver({ expires: '2026-11-26' })] });
    expect(withCode(result, 'ml/model-digest')).toEqual([FINDING]);
    expect(withCode(result, 'ML608')).toEqual([`ML608 warning ${TEAM_FILE}:59:16`]);
    expect(result.waivers).toEqual([]);
  });

  it('expires by the injected clock, not the wall clock', () => {
    const edits = { team: [NO_DIGEST, waiver({ expires: '2026-12-31' })] };
    expect(withCode(checkFixture(edits, [], { now: new Date('2027-01-01T00:00:00Z') }), 'ML608')).toHaveLength(1);
    expect(withCode(checkFixture(edits, [], { now: NOW }), 'ML608')).toHaveLength(0);
  });

  it('rejects a waiver running longer than maxWaiverDays', () => {
    const result = checkFixture({ team: [NO_DIGEST, waiver({ expires: '2027-03-01' })] });
    expect(withCode(result, 'ML609')).toEqual([`ML609 error ${TEAM_FILE}:59:16`]);
    expect(withCode(result, 'ml/model-digest')).toEqual([FINDING]);
  });

  it('rejects waiving a rule the org marks non-waivable', () => {
    const result = checkFixture({ team: [NO_DIGEST, waiver()], platform: [['policies:\n', 'policies:\n  nonWaivable: [ml/model-digest]\n']] });
    expect(withCode(result, 'ML610')).toEqual([`ML610 error ${TEAM_FILE}:54:13`]);
    expect(withCode(result, 'ml/model-digest')).toEqual([FINDING]);
  });

  it('rejects waiving a built-in non-waivable rule', () => {
    const result = checkFixture({ team: [waiver({ rule: 'k8s/no-privileged', target: 'deployments/fraud-api' })] });
    expect(withCode(result, 'ML610')).toEqual([`ML610 error ${TEAM_FILE}:54:13`]);
  });

  it('rejects an unknown rule', () => {
    expect(withCode(checkFixture({ team: [waiver({ rule: 'ml/model-digets' })] }), 'ML606')).toEqual([`ML606 error ${TEAM_FILE}:54:13`]);
  });

  it('limits an @environment waiver to that environment and reports it unused', () => {
    const result = checkFixture({ team: [NO_DIGEST, waiver({ target: 'models/fraud-detector@dev' })] });
    expect(withCode(result, 'ml/model-digest')).toEqual([FINDING]);
    expect(withCode(result, 'ML611')).toEqual([`ML611 info ${TEAM_FILE}:54:7`]);
  });

  it('waives findings on emitted objects by deployment and environment', () => {
    const writable = deployment(securePod([secureContainer('main', { securityContext: { ...(secureContainer().securityContext as object), readOnlyRootFilesystem: false } })]));
    expect(withCode(checkFixture({}, [writable]), 'k8s/read-only-root-fs')).toHaveLength(1);
    const result = checkFixture({ team: [waiver({ rule: 'k8s/read-only-root-fs', target: 'deployments/fraud-api@prod' })] }, [writable]);
    expect(withCode(result, 'k8s/read-only-root-fs')).toEqual([]);
    expect(withCode(result, 'ML611')).toEqual([]);
  });

  it('waives every subject of the team with target team', () => {
    const result = checkFixture({ team: [NO_DIGEST, waiver({ target: 'team' })] });
    expect(withCode(result, 'ml/model-digest')).toEqual([]);
  });
});

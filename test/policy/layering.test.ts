/** Layering: org rules bind every team; a team may make rules stricter, never weaker. */
import { describe, expect, it } from 'vitest';
import { checkFixture, type Edit, TEAM_FILE, withCode } from './support.ts';

const END_OF_TEAM = 'features: [amount] }\n';
const teamPolicies = (yaml: string): Edit[] => [[END_OF_TEAM, `${END_OF_TEAM}policies:\n${yaml}`]];
const orgPolicies = (yaml: string): Edit[] => [['policies:\n', `policies:\n${yaml}`]];
const UNDEPLOYED_WITHOUT_DIGEST: Edit = ['deployments:\n', '      "1.6.0":\n        artifact: s3://models/fraud/1.6.0\n        trainedBy: { pipeline: train-fraud }\n        dataset: { uri: s3://d, classification: pii }\ndeployments:\n'];

describe('team modes', () => {
  it('rejects a team lowering an org rule, naming it, and keeps the org mode', () => {
    const result = checkFixture({ team: teamPolicies('  modes:\n    ml/model-digest: audit\n') });
    expect(withCode(result, 'ML604')).toEqual([`ML604 error ${TEAM_FILE}:54:5`]);
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === 'ML604')!.message).toBe("Team fraud sets built-in rule ml/model-digest to audit, weaker than the org's warn; teams may only make rules stricter.");
    const withFinding = checkFixture({ team: [UNDEPLOYED_WITHOUT_DIGEST, ...teamPolicies('  modes:\n    ml/model-digest: audit\n')] });
    expect(withCode(withFinding, 'ml/model-digest')).toEqual([`ml/model-digest warning ${TEAM_FILE}:27:7`]);
  });

  it('rejects a team disabling a rule', () => {
    const result = checkFixture({ team: teamPolicies('  modes:\n    k8s/no-latest-tag: disabled\n') });
    expect(withCode(result, 'ML604')).toEqual([`ML604 error ${TEAM_FILE}:54:5`]);
  });

  it('rejects a per-environment setting weaker than the org in that environment', () => {
    const result = checkFixture({ team: teamPolicies('  modes:\n    ml/model-digest: { prod: warn, default: enforce }\n') });
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === 'ML604')!.message).toMatch(/to warn in prod, weaker than the org's enforce/);
  });

  it('rejects weakening a mode the org set explicitly, naming the org rule', () => {
    const result = checkFixture({
      platform: orgPolicies('  rules:\n    - id: org/replicas\n      expression: "true"\n      message: m\n      mode: warn\n'),
      team: teamPolicies('  modes:\n    org/replicas: audit\n'),
    });
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === 'ML604')!.message).toBe("Team fraud sets org rule org/replicas to audit, weaker than the org's warn; teams may only make rules stricter.");
  });

  it('applies a stricter team mode', () => {
    const before = checkFixture({ team: [UNDEPLOYED_WITHOUT_DIGEST] });
    expect(withCode(before, 'ml/model-digest')).toEqual([`ml/model-digest warning ${TEAM_FILE}:27:7`]);
    const after = checkFixture({ team: [UNDEPLOYED_WITHOUT_DIGEST, ...teamPolicies('  modes:\n    ml/model-digest: enforce\n')] });
    expect(withCode(after, 'ml/model-digest')).toEqual([`ml/model-digest error ${TEAM_FILE}:27:7`]);
    expect(withCode(after, 'ML604')).toEqual([]);
  });

  it('applies org modes to built-in rules (audit → info)', () => {
    const result = checkFixture({ team: [UNDEPLOYED_WITHOUT_DIGEST], platform: orgPolicies('  modes:\n    ml/model-digest: audit\n') });
    expect(withCode(result, 'ml/model-digest')).toEqual([`ml/model-digest info ${TEAM_FILE}:27:7`]);
  });

  it('skips rules the org disables', () => {
    const result = checkFixture({ team: [UNDEPLOYED_WITHOUT_DIGEST], platform: orgPolicies('  modes:\n    ml/model-digest: disabled\n') });
    expect(withCode(result, 'ml/model-digest')).toEqual([]);
  });

  it('reports modes naming unknown rules, with a suggestion', () => {
    const result = checkFixture({ team: teamPolicies('  modes:\n    k8s/no-latest-tags: enforce\n'), platform: orgPolicies('  modes:\n    ml/model-digests: enforce\n') });
    expect(withCode(result, 'ML606')).toEqual(['ML606 error platform.yaml:34:5', `ML606 error ${TEAM_FILE}:54:5`]);
    expect(result.diagnostics.find((diagnostic) => diagnostic.file === TEAM_FILE && diagnostic.code === 'ML606')!.hint).toBe('Did you mean k8s/no-latest-tag?');
  });
});

describe('team thresholds', () => {
  it('rejects a team raising maxCanaryTraffic above the org', () => {
    const result = checkFixture({ team: teamPolicies('  maxCanaryTraffic: 30\n') });
    expect(withCode(result, 'ML605')).toEqual([`ML605 error ${TEAM_FILE}:53:21`]);
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === 'ML605')!.message).toMatch(/org rule ml\/high-risk-canary/);
  });

  it('applies a lower team ceiling', () => {
    const result = checkFixture({ team: teamPolicies('  maxCanaryTraffic: 5\n') });
    expect(withCode(result, 'ML605')).toEqual([]);
    expect(withCode(result, 'ml/high-risk-canary')).toEqual([`ml/high-risk-canary error ${TEAM_FILE}:39:37`]);
  });
});

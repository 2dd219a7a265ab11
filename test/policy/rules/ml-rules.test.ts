/** Every ML-governance rule: the valid fixture passes, an edited one fails at the expected line:column. */
import { describe as group, expect, it } from 'vitest';
import { ML_RULES } from '../../../compiler/policy/registry.ts';
import { checkFixture, type FixtureEdits, OTHER_PATHS, resolveFixture, TEAM_FILE, withCode } from '../support.ts';

const VERSION_150_VALIDATOR: FixtureEdits['team'] = [['r-2026-11-01, by: "@lena" }\n        validatedBy: "@omar"', 'r-2026-11-01, by: "@lena" }\n        validatedBy: "@Lena"']];
const NEW_UNDEPLOYED_VERSION = '      "1.6.0":\n        artifact: s3://models/fraud/1.6.0\n';

interface Case {
  readonly name: string;
  readonly rule: string;
  readonly edits: FixtureEdits;
  /** `severity line:column` in the team file. */
  readonly expected: readonly string[];
}

const CASES: Case[] = [
  { name: 'a version served in prod without digest', rule: 'ml/model-digest', edits: { team: [['        digest: sha256:bbbb', '        # sha256:bbbb']] }, expected: ['error 19:7'] },
  { name: 'an undeployed version without digest (warning outside prod)', rule: 'ml/model-digest', edits: { team: [['deployments:\n', `${NEW_UNDEPLOYED_VERSION}deployments:\n`]] }, expected: ['warning 27:7'] },
  { name: 'a prod version without model card', rule: 'ml/model-card', edits: { team: [['        modelCard: cards/fraud-1.5.0.md\n', '']] }, expected: ['error 19:7'] },
  { name: 'a model card file that does not exist', rule: 'ml/model-card', edits: { otherPaths: [OTHER_PATHS[0]!] }, expected: ['error 26:9'] },
  { name: 'a served version below the metric requirement', rule: 'ml/metric-requirements', edits: { team: [['metrics: { auc: 0.947 }', 'metrics: { auc: 0.92 }']] }, expected: ['error 34:9', 'error 36:9', 'error 39:19'] },
  { name: 'a served version without the required metric', rule: 'ml/metric-requirements', edits: { team: [['metrics: { auc: 0.941 }', 'metrics: { f1: 0.9 }']] }, expected: ['error 38:9'] },
  { name: 'a version without trainedBy', rule: 'ml/dataset-lineage', edits: { team: [['        trainedBy: { pipeline: train-fraud, run: r-2026-11-01, by: "@lena" }\n', '']] }, expected: ['error 19:7'] },
  { name: 'a dataset without classification', rule: 'ml/data-classification', edits: { team: [['s3://data/fraud/2026-10, classification: pii }', 's3://data/fraud/2026-10 }']] }, expected: ['error 24:9'] },
  { name: 'a PII model with low risk tier', rule: 'ml/pii-risk-tier', edits: { team: [['    riskTier: high', '    riskTier: low']] }, expected: ['error 9:5'] },
  { name: 'a prod deployment without drift detection', rule: 'ml/prod-monitoring', edits: { team: [['    drift: { method: psi, threshold: 0.2, features: [amount] }\n', '']] }, expected: ['error 49:3'] },
  { name: 'a high-risk canary above the traffic ceiling', rule: 'ml/high-risk-canary', edits: { team: [['traffic: 10', 'traffic: 30']] }, expected: ['error 39:37'] },
  { name: 'a version validated by its trainer', rule: 'ml/validator-not-trainer', edits: { team: VERSION_150_VALIDATOR }, expected: ['error 23:9'] },
  { name: 'a prod canary newer than anything in staging', rule: 'ml/promotion-path', edits: { team: [['      staging:\n        version: "1.5.0"', '      staging:\n        version: "1.4.0"']] }, expected: ['error 39:19'] },
  { name: 'requests above the team quota', rule: 'ml/team-quota', edits: { team: [['replicas: { min: 2, max: 4 }', 'replicas: { min: 5, max: 6 }']] }, expected: ['error 37:7'] },
];

group('ML-governance rules', () => {
  it('covers every built-in ML rule', () => {
    expect([...new Set(CASES.map((testCase) => testCase.rule))].sort()).toEqual(ML_RULES.map((rule) => rule.id).sort());
  });

  it('passes the valid fixture on every rule', () => {
    expect(withCode(checkFixture(), 'ml/')).toEqual([]);
  });

  for (const testCase of CASES) {
    it(`${testCase.rule}: reports ${testCase.name}`, () => {
      const expected = testCase.expected.map((place) => `${testCase.rule} ${place.split(' ')[0]} ${TEAM_FILE}:${place.split(' ')[1]}`);
      expect(withCode(checkFixture(testCase.edits), testCase.rule)).toEqual(expected);
    });
  }

  it('ml/team-quota names the environment, the total and the quota', () => {
    const result = checkFixture({ team: [['replicas: { min: 2, max: 4 }', 'replicas: { min: 5, max: 6 }']] });
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === 'ml/team-quota')!.message).toBe('Team fraud needs 20 cpu in prod at minimum scale (through fraud-api); its quota is 16.');
  });

  it('ml/model-card ignores versions served only outside production', () => {
    expect(withCode(checkFixture({ team: [['        modelCard: cards/fraud-1.4.0.md\n', ''], ['        version: "1.4.0"\n        canary: { version: "1.5.0", traffic: 10 }\n', '        version: "1.5.0"\n']] }), 'ml/model-card')).toEqual([]);
  });
});

group('rules about a change (with base)', () => {
  const promoteCanary: FixtureEdits = { team: [['        version: "1.4.0"\n        canary: { version: "1.5.0", traffic: 10 }\n', '        version: "1.5.0"\n']] };

  it('ml/high-risk-canary accepts a stable version that was the canary in the base', () => {
    expect(withCode(checkFixture(promoteCanary, [], { base: resolveFixture() }), 'ml/high-risk-canary')).toEqual([]);
  });

  it('ml/high-risk-canary rejects a stable version that skipped the canary', () => {
    const base = resolveFixture({ team: [['        canary: { version: "1.5.0", traffic: 10 }\n', '']] });
    expect(withCode(checkFixture(promoteCanary, [], { base }), 'ml/high-risk-canary')).toEqual([`ml/high-risk-canary error ${TEAM_FILE}:38:9`]);
  });

  it('ml/promotion-path rejects a version that reaches staging and prod in the same change', () => {
    const base = resolveFixture({ team: [['      staging:\n        version: "1.5.0"', '      staging:\n        version: "1.4.0"'], ['        canary: { version: "1.5.0", traffic: 10 }\n', '']] });
    const result = checkFixture({}, [], { base });
    expect(withCode(result, 'ml/promotion-path')).toEqual([`ml/promotion-path error ${TEAM_FILE}:39:19`]);
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === 'ml/promotion-path')!.message).toBe('fraud-detector 1.5.0 (canary of fraud-api in prod) was not deployed to staging first in the base of this change.');
  });

  it('ml/promotion-path accepts versions already in the source environment of the base', () => {
    expect(withCode(checkFixture({}, [], { base: resolveFixture() }), 'ml/promotion-path')).toEqual([]);
  });
});

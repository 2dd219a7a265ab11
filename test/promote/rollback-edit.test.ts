/** rollbackEdit: the environment block restored from an earlier revision; every other byte of the current file stays. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { promotionEdit } from '../../compiler/promote/promotion-edit.ts';
import { rollbackEdit } from '../../compiler/promote/rollback-edit.ts';
import { FRAUD_TEAM_FILE } from './support/sample-org.ts';

const context = { file: 'teams/fraud/mlops.yaml', earlier: 'deploy seq 7 (abc1234)' };
const environments = ['dev', 'staging', 'prod'];

/** The sample file after a promotion of 1.5.0 to prod that also dropped the canary and scaled up. */
const PROMOTED = FRAUD_TEAM_FILE.replace(
  '        version: "1.4.0"\n        canary: { version: "1.5.0", traffic: 10 }\n',
  '        version: "1.5.0" # promoted\n',
).replace('replicas: { min: 3, max: 20 }', 'replicas: { min: 4, max: 30 }');

describe('rollbackEdit', () => {
  it('restores the prod block as it was, byte for byte, when nothing else changed', () => {
    expect(PROMOTED).not.toBe(FRAUD_TEAM_FILE);
    const result = rollbackEdit(PROMOTED, FRAUD_TEAM_FILE, 'fraud-api', 'prod', context);
    expect(result.diagnostics).toEqual([]);
    expect(result.text).toBe(FRAUD_TEAM_FILE);
    expect(result.current).toMatchObject({ version: '1.5.0', replicas: { min: 4, max: 30 } });
    expect(result.restored).toMatchObject({ version: '1.4.0', canary: { version: '1.5.0', traffic: 10 }, replicas: { min: 3, max: 20 } });
  });

  it('keeps every change made since outside the block', () => {
    const edited = `# a comment added later\n${PROMOTED.replace('metrics: { auc: ">= 0.93" }', 'metrics: { auc: ">= 0.94" }')}`;
    const result = rollbackEdit(edited, FRAUD_TEAM_FILE, 'fraud-api', 'prod', context);
    expect(result.text).toBe(`# a comment added later\n${FRAUD_TEAM_FILE.replace('metrics: { auc: ">= 0.93" }', 'metrics: { auc: ">= 0.94" }')}`);
  });

  it('re-indents a block copied from a revision with another indentation', () => {
    const current = 'deployments:\n  d:\n    model: m\n    environments:\n      prod:\n        version: "2"\n      dev: { version: "2" }\n';
    const earlier = 'deployments:\n    d:\n        model: m\n        environments:\n            prod:\n                version: "1" # the good one\n                canary:\n                    version: "2"\n                    traffic: 5\n';
    const result = rollbackEdit(current, earlier, 'd', 'prod', context);
    expect(result.text).toBe('deployments:\n  d:\n    model: m\n    environments:\n      prod:\n        version: "1" # the good one\n        canary:\n            version: "2"\n            traffic: 5\n      dev: { version: "2" }\n');
    expect(parse(result.text!).deployments.d.environments).toEqual({ prod: { version: '1', canary: { version: '2', traffic: 5 } }, dev: { version: '2' } });
  });

  it('writes a flow mapping when the block styles differ', () => {
    const current = 'deployments:\n  d:\n    environments:\n      prod: { version: "2" } # now\n      dev: { version: "2" }\n';
    const earlier = 'deployments:\n  d:\n    environments:\n      prod:\n        version: "1"\n        replicas: { min: 2, max: 4 }\n';
    expect(rollbackEdit(current, earlier, 'd', 'prod', context).text).toBe('deployments:\n  d:\n    environments:\n      prod: { version: "1", replicas: { min: 2, max: 4 } } # now\n      dev: { version: "2" }\n');
    const reverse = rollbackEdit(earlier.replace('"1"', '"3"'), current, 'd', 'prod', context);
    expect(reverse.text).toBe('deployments:\n  d:\n    environments:\n      prod:\n        { version: "2" }\n');
    expect(parse(reverse.text!).deployments.d.environments.prod).toEqual({ version: '2' });
  });

  it('undoes a promotion made by promotionEdit exactly (canary included)', () => {
    const promoted = promotionEdit(FRAUD_TEAM_FILE, 'fraud-api', '1.5.0', 'prod', { file: context.file, environments }).text!;
    expect(rollbackEdit(promoted, FRAUD_TEAM_FILE, 'fraud-api', 'prod', context).text).toBe(FRAUD_TEAM_FILE);
  });

  it('refuses when there is nothing to restore or undo', () => {
    expect(rollbackEdit(FRAUD_TEAM_FILE, FRAUD_TEAM_FILE, 'fraud-api', 'prod', context).diagnostics).toMatchObject([
      { code: 'ML813', message: 'deployments.fraud-api.environments.prod is already as it was at deploy seq 7 (abc1234).' },
    ]);
    const withoutProd = 'deployments:\n  fraud-api:\n    environments:\n      staging: { version: "1.5.0" }\n';
    expect(rollbackEdit(FRAUD_TEAM_FILE, withoutProd, 'fraud-api', 'prod', context).diagnostics).toMatchObject([{ code: 'ML812', message: 'At deploy seq 7 (abc1234), `fraud-api` did not run in prod, so there is no block to restore.' }]);
    expect(rollbackEdit(withoutProd, FRAUD_TEAM_FILE, 'fraud-api', 'prod', context).diagnostics).toMatchObject([{ code: 'ML802' }]);
    expect(rollbackEdit(FRAUD_TEAM_FILE, FRAUD_TEAM_FILE, 'fraud-apx', 'prod', context).diagnostics).toMatchObject([{ code: 'ML801', hint: 'Did you mean `fraud-api`?' }]);
  });

  it('compares and verifies data holding .inf and .nan without failing', () => {
    const current = 'x: .nan\ndeployments:\n  d:\n    environments:\n      prod: { version: "2", weight: .inf }\n';
    const earlier = 'deployments:\n  d:\n    environments:\n      prod: { version: "1", weight: .inf }\n';
    expect(rollbackEdit(current, earlier, 'd', 'prod', context).text).toBe(current.replace('"2"', '"1"'));
    expect(rollbackEdit(current, current, 'd', 'prod', context).diagnostics).toMatchObject([{ code: 'ML813' }]);
  });

  it('refuses aliases and unparsable revisions', () => {
    const aliased = 'x: &v { version: "1" }\ndeployments:\n  d:\n    environments:\n      prod: *v\n';
    const plain = 'deployments:\n  d:\n    environments:\n      prod: { version: "2" }\n';
    expect(rollbackEdit(plain, aliased, 'd', 'prod', context).diagnostics).toMatchObject([{ code: 'ML814' }]);
    const anchored = 'deployments:\n  d:\n    environments:\n      prod: &v { version: "1" }\n      dev: *v\n';
    expect(rollbackEdit(plain, anchored, 'd', 'prod', context).diagnostics).toMatchObject([{ code: 'ML814' }]);
    expect(rollbackEdit(plain, 'deployments: [', 'd', 'prod', context).diagnostics).toMatchObject([{ code: 'ML814', message: 'teams/fraud/mlops.yaml at deploy seq 7 (abc1234) does not parse as YAML.' }]);
    const laughs = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${Array(10).fill('*a').join(', ')}]\nc: &c [${Array(10).fill('*b').join(', ')}]\nd: [${Array(10).fill('*c').join(', ')}]\n${plain}`;
    expect(rollbackEdit(plain, laughs, 'd', 'prod', context).diagnostics).toMatchObject([{ code: 'ML814' }]);
  });
});

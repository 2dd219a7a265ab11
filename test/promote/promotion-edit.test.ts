/** promotionEdit: one value changes (or one block is added); every other byte of the team file stays. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { promotionEdit } from '../../compiler/promote/promotion-edit.ts';
import { FRAUD_TEAM_FILE } from './support/sample-org.ts';

const context = { file: 'teams/fraud/mlops.yaml', environments: ['dev', 'staging', 'prod'] };

/** A team file with the styles a hand-written file mixes: comments, quoting, flow maps, blank lines. */
const STYLED = `# Fraud team — keep this comment
models:
  scorer:
    framework: sklearn
    versions:
      "1.0": { artifact: s3://m/1.0 }   # quoted key
      '2.0': { artifact: s3://m/2.0 }
      2.1.0: { artifact: s3://m/2.1.0 }

deployments:
  # the public API
  api:
    model: scorer
    environments:
      dev: { version: '2.0' }   # single quotes
      staging:
        version: 2.1.0 # plain

        replicas: { min: 1, max: 2 }
      # prod comes later
  batch:
    model: scorer
    environments: { dev: { version: "1.0" } }
  aliased:
    model: scorer
    environments:
      dev: &base { version: "1.0" }
      staging: *base
# end
`;

/** The text with `[start, end)` replaced, for byte-for-byte expectations. */
function replaced(text: string, needle: string, replacement: string, from = 0): string {
  const start = text.indexOf(needle, from);
  expect(start).toBeGreaterThanOrEqual(0);
  return text.slice(0, start) + replacement + text.slice(start + needle.length);
}

describe('promotionEdit', () => {
  it('changes only the version of the sample fraud-api in prod, completing the canary of that version', () => {
    const result = promotionEdit(FRAUD_TEAM_FILE, 'fraud-api', '1.5.0', 'prod', context);
    expect(result.diagnostics).toEqual([]);
    expect(result.text).toBe(replaced(FRAUD_TEAM_FILE, 'version: "1.4.0"\n        canary: { version: "1.5.0", traffic: 10 }\n', 'version: "1.5.0"\n'));
    expect(result.change).toEqual({
      deployment: 'fraud-api',
      model: 'fraud-detector',
      environment: 'prod',
      version: '1.5.0',
      versionBefore: '1.4.0',
      canary: { version: '1.5.0', traffic: 10 },
      canaryCompleted: true,
      description: 'prod: fraud-api 1.4.0 → 1.5.0 (model fraud-detector; completes the 10 % canary of 1.5.0, whose block is removed)',
    });
  });

  it('leaves a canary of another version alone', () => {
    const text = 'models:\n  m:\n    versions: { "1": {}, "2": {}, "3": {} }\ndeployments:\n  d:\n    model: m\n    environments:\n      prod: { version: "1", canary: { version: "2", traffic: 5 } }\n';
    const result = promotionEdit(text, 'd', '3', 'prod', context);
    expect(result.text).toBe(text.replace('{ version: "1", canary', '{ version: "3", canary'));
    expect(result.change).toMatchObject({ canaryCompleted: false, canary: { version: '2', traffic: 5 }, description: 'prod: d 1 → 3 (model m)' });
  });

  it('removes a completed canary from a flow block and a block map', () => {
    const flow = 'models:\n  m:\n    versions: { "1": {}, "2": {} }\ndeployments:\n  d:\n    model: m\n    environments:\n      prod: { version: "1", canary: { version: "2", traffic: 5 }, replicas: { min: 1 } } # keep\n';
    expect(promotionEdit(flow, 'd', '2', 'prod', context).text).toBe(flow.replace('{ version: "1", canary: { version: "2", traffic: 5 }, replicas', '{ version: "2", replicas'));
    const block = 'models:\n  m:\n    versions: { "1": {}, "2": {} }\ndeployments:\n  d:\n    model: m\n    environments:\n      prod:\n        canary: # the canary\n          version: "2"\n          traffic: 5\n        # replicas next\n        version: "1"\n';
    expect(promotionEdit(block, 'd', '2', 'prod', context).text).toBe('models:\n  m:\n    versions: { "1": {}, "2": {} }\ndeployments:\n  d:\n    model: m\n    environments:\n      prod:\n        # replicas next\n        version: "2"\n');
  });

  it('keeps the quoting style of the value it replaces', () => {
    expect(promotionEdit(STYLED, 'api', '1.0', 'dev', context).text).toBe(replaced(STYLED, "version: '2.0'", "version: '1.0'"));
    expect(promotionEdit(STYLED, 'api', '2.0', 'staging', context).text).toBe(replaced(STYLED, 'version: 2.1.0 # plain', 'version: "2.0" # plain'));
    expect(promotionEdit(STYLED, 'batch', '2.1.0', 'dev', context).text).toBe(replaced(STYLED, 'version: "1.0"', 'version: "2.1.0"'));
  });

  it('adds the environment block at the end of a block map, before trailing comments, in the siblings\' indentation', () => {
    const result = promotionEdit(STYLED, 'api', '2.1.0', 'prod', context);
    expect(result.diagnostics).toEqual([]);
    expect(result.text).toBe(replaced(STYLED, '        replicas: { min: 1, max: 2 }\n', '        replicas: { min: 1, max: 2 }\n      prod:\n        version: "2.1.0"\n'));
    expect(result.change?.description).toBe('prod: api now serves 2.1.0 (model scorer; it did not run in prod before)');
    expect(parse(result.text!).deployments.api.environments.prod).toEqual({ version: '2.1.0' });
  });

  it('adds the environment block to a flow map', () => {
    const result = promotionEdit(STYLED, 'batch', '2.0', 'staging', context);
    expect(result.text).toBe(replaced(STYLED, '{ dev: { version: "1.0" } }', '{ dev: { version: "1.0" }, staging: { version: "2.0" } }'));
  });

  it('adds to a file that does not end with a newline', () => {
    const text = 'models:\n  m:\n    versions:\n      "1": {}\ndeployments:\n  d:\n    model: m\n    environments:\n      dev:\n        version: "1"';
    expect(promotionEdit(text, 'd', '1', 'prod', context).text).toBe(`${text}\n      prod:\n        version: "1"`);
  });

  it('refuses unknown names with a did-you-mean, at the right place', () => {
    const deployment = promotionEdit(STYLED, 'apii', '2.0', 'prod', context).diagnostics;
    expect(deployment).toMatchObject([{ code: 'ML801', severity: 'error', message: 'teams/fraud/mlops.yaml declares no deployment `apii`.', hint: 'Did you mean `api`?', range: { start: { line: 10, column: 1 } } }]);
    const environment = promotionEdit(STYLED, 'api', '2.0', 'prodd', context).diagnostics;
    expect(environment).toMatchObject([{ code: 'ML802', message: 'The platform declares no environment `prodd`.', hint: 'Did you mean `prod`?', range: { start: { line: 12, column: 3 } } }]);
    const version = promotionEdit(STYLED, 'api', '2.1', 'prod', context).diagnostics;
    expect(version).toMatchObject([{ code: 'ML803', message: '2.1 is not a registered version of model `scorer` (models.scorer.versions).', range: { start: { line: 13, column: 12 } } }]);
  });

  it('refuses a version the environment already serves', () => {
    expect(promotionEdit(FRAUD_TEAM_FILE, 'fraud-api', '1.5.0', 'staging', context).diagnostics).toMatchObject([{ code: 'ML804', message: '`fraud-api` already serves 1.5.0 in staging.' }]);
  });

  it('refuses to edit through anchors and aliases, and files that do not parse', () => {
    expect(promotionEdit(STYLED, 'aliased', '2.0', 'staging', context).diagnostics).toMatchObject([{ code: 'ML814' }]);
    expect(promotionEdit('deployments: [\n', 'api', '2.0', 'prod', context).diagnostics).toMatchObject([{ code: 'ML814' }]);
  });

  it('never returns text that changes more than the one value', () => {
    for (const [deployment, version, environment] of [['api', '1.0', 'dev'], ['api', '2.0', 'prod'], ['batch', '2.0', 'prod']] as const) {
      const result = promotionEdit(STYLED, deployment, version, environment, context);
      const before = parse(STYLED);
      before.deployments[deployment].environments[environment] = { ...before.deployments[deployment].environments[environment], version };
      expect(parse(result.text!)).toEqual(before);
      const comments = (text: string) => text.split('\n').flatMap((line) => (line.includes('#') ? [line.slice(line.indexOf('#'))] : []));
      expect(comments(result.text!)).toEqual(comments(STYLED));
    }
  });
});

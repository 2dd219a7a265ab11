/** Custom CEL rules: matching, integer normalisation, errors at the rule's own line, org and team rules. */
import { describe, expect, it } from 'vitest';
import { checkFixture, deployment, type Edit, TEAM_FILE, withCode } from './support.ts';

interface RuleFields {
  readonly id?: string;
  readonly match?: string;
  readonly expression: string;
  readonly message?: string;
  readonly extra?: string;
}

function ruleYaml(fields: RuleFields): string {
  return [
    '  rules:',
    `    - id: ${fields.id ?? 'org/prod-min-replicas'}`,
    `      match: ${fields.match ?? '{ targets: [deployment], environments: [prod] }'}`,
    `      expression: ${fields.expression}`,
    `      message: ${fields.message ?? 'Production deployments run at least 3 replicas.'}`,
    ...(fields.extra ? [fields.extra] : []),
  ].join('\n');
}

/** An org rule in platform.yaml (expression on line 36, column 19). */
const orgRule = (fields: RuleFields): Edit[] => [['policies:\n', `policies:\n${ruleYaml(fields)}\n`]];
/** A team rule appended to the team file (expression on line 56, column 19). */
const teamRule = (fields: RuleFields): Edit[] => [['features: [amount] }\n', `features: [amount] }\npolicies:\n${ruleYaml({ id: 'team/prod-min-replicas', ...fields })}\n`]];

const PROD = `${TEAM_FILE}:37:7`;

describe('org CEL rules', () => {
  it('fails a matching object, pointing at the object, with the rule message', () => {
    const result = checkFixture({ platform: orgRule({ expression: 'object.replicas.min + 1 >= 4' }) });
    expect(withCode(result, 'org/prod-min-replicas')).toEqual([`org/prod-min-replicas error ${PROD}`]);
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === 'org/prod-min-replicas')!.message).toBe('deployment fraud-api in prod: Production deployments run at least 3 replicas.');
  });

  it('normalises integers so int arithmetic type-checks and passes', () => {
    expect(withCode(checkFixture({ platform: orgRule({ expression: 'object.replicas.min + 1 == 3' }) }), 'org/')).toEqual([]);
  });

  it('reads team and environment variables', () => {
    const result = checkFixture({ platform: orgRule({ match: '{ targets: [deployment] }', expression: `'team == "fraud" && environment != "dev"'` }) });
    expect(withCode(result, 'org/prod-min-replicas')).toEqual([`org/prod-min-replicas error ${TEAM_FILE}:33:7`]);
  });

  it('matches config kinds: models and model versions', () => {
    const result = checkFixture({ platform: orgRule({ match: '{ targets: [model, modelVersion] }', expression: `'object.riskTier != "high" || object.framework == "xgboost"'` }) });
    expect(withCode(result, 'org/')).toEqual([]);
    const failing = checkFixture({ platform: orgRule({ match: '{ targets: [modelVersion] }', expression: `'"1.4.0" != object.version'` }) });
    expect(withCode(failing, 'org/prod-min-replicas')).toEqual([`org/prod-min-replicas error ${TEAM_FILE}:11:7`]);
  });

  it('matches emitted kinds', () => {
    const result = checkFixture({ platform: orgRule({ match: '{ targets: [Deployment] }', expression: 'object.spec.replicas >= 2' }) }, [deployment(undefined, 1)]);
    expect(withCode(result, 'org/prod-min-replicas')).toEqual([`org/prod-min-replicas error ${PROD}`]);
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === 'org/prod-min-replicas')!.message).toMatch(/^Deployment fraud-prod\/fraud-api: /);
  });

  it('honours match.teams', () => {
    expect(withCode(checkFixture({ platform: orgRule({ match: '{ targets: [deployment], teams: [search] }', expression: '"false"' }) }), 'org/')).toEqual([]);
  });

  it('uses the rule mode', () => {
    const result = checkFixture({ platform: orgRule({ expression: 'object.replicas.min >= 3', extra: '      mode: warn' }) });
    expect(withCode(result, 'org/prod-min-replicas')).toEqual([`org/prod-min-replicas warning ${PROD}`]);
  });

  it('reports a syntax error at the rule line and column', () => {
    const result = checkFixture({ platform: orgRule({ expression: 'object.replicas.min >=' }) });
    expect(withCode(result, 'ML601')).toEqual(['ML601 error platform.yaml:36:41']);
    expect(withCode(result, 'org/')).toEqual([]);
  });

  it('reports a type error at the rule line', () => {
    expect(withCode(checkFixture({ platform: orgRule({ expression: 'environment + 1 == 2' }) }), 'ML602')).toEqual(['ML602 error platform.yaml:36:19']);
    expect(withCode(checkFixture({ platform: orgRule({ expression: 'replicas > 1' }) }), 'ML602')).toEqual(['ML602 error platform.yaml:36:19']);
    const notBool = checkFixture({ platform: orgRule({ expression: '"1 + 2"' }) });
    expect(notBool.diagnostics.find((diagnostic) => diagnostic.code === 'ML602')!.message).toBe('Rule org/prod-min-replicas: the expression returns int, not bool.');
  });

  it('reports an evaluation error once, at the rule', () => {
    const result = checkFixture({ platform: orgRule({ match: '{ targets: [deployment] }', expression: 'object.missing.field == 1' }) });
    expect(withCode(result, 'ML603')).toEqual(['ML603 warning platform.yaml:36:19']);
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === 'ML603')!.message).toMatch(/^Rule org\/prod-min-replicas failed on deployment fraud-api in dev: No such key: missing/);
  });

  it('rejects unknown targets and the wrong id prefix', () => {
    expect(withCode(checkFixture({ platform: orgRule({ match: '{ targets: [deploymnet] }', expression: '"true"' }) }), 'ML607')).toEqual(['ML607 error platform.yaml:35:26']);
    expect(withCode(checkFixture({ team: teamRule({ id: 'org/sneaky', expression: '"true"' }) }), 'ML607')).toEqual([`ML607 error ${TEAM_FILE}:54:11`]);
  });
});

describe('team CEL rules', () => {
  it('apply to their own team', () => {
    const result = checkFixture({ team: teamRule({ expression: 'object.replicas.min >= 3' }) });
    expect(withCode(result, 'team/prod-min-replicas')).toEqual([`team/prod-min-replicas error ${PROD}`]);
  });

  it('report CEL errors at the team rule line', () => {
    expect(withCode(checkFixture({ team: teamRule({ expression: '(object' }) }), 'ML601')).toEqual([`ML601 error ${TEAM_FILE}:56:26`]);
  });

  it('cannot restrict match.teams', () => {
    expect(withCode(checkFixture({ team: teamRule({ match: '{ teams: [fraud] }', expression: '"true"' }) }), 'ML607')).toEqual([`ML607 error ${TEAM_FILE}:55:16`]);
  });

  it('a non-waivable org rule rejects team waivers and keeps reporting', () => {
    const waiver = '  waivers:\n    - { rule: org/prod-min-replicas, target: deployments/fraud-api, justification: "needed for the pilot", ticket: OPS-1, approvedBy: "@ops", expires: "2026-12-01" }\n';
    const result = checkFixture({ platform: orgRule({ expression: 'object.replicas.min >= 3', extra: '      waivable: false' }), team: [['features: [amount] }\n', `features: [amount] }\npolicies:\n${waiver}`]] });
    expect(withCode(result, 'ML610')).toEqual([`ML610 error ${TEAM_FILE}:54:15`]);
    expect(withCode(result, 'org/prod-min-replicas')).toEqual([`org/prod-min-replicas error ${PROD}`]);
  });
});

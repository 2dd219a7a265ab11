/**
 * Golden plans: each case in test/fixtures/plans/ is planned against the base repo with the real
 * compiler; the full Markdown report and a JSON summary are compared with expected files.
 * Regenerate with `npx tsx test/plan/support/golden-plans.ts` (or UPDATE_GOLDEN=1) and review the diff.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPlanTemplates } from '../../compiler/cli/templates-source.ts';
import type { Plan } from '../../compiler/plan/plan-model.ts';
import { type PlanTemplates, renderReport } from '../../compiler/plan/report/render-report.ts';
import { type GoldenPlan, goldenPlans, writeGoldenPlans } from './support/golden-plans.ts';
import { listCases } from './support/plan-case.ts';

const cases = await listCases();
let goldens: Map<string, GoldenPlan>;
let templates: PlanTemplates;

beforeAll(async () => {
  if (process.env.UPDATE_GOLDEN === '1') await writeGoldenPlans();
  templates = await readPlanTemplates();
  goldens = new Map((await goldenPlans()).map((golden) => [golden.planCase.name, golden]));
});

function resultOf(name: string): Plan {
  const golden = goldens.get(name);
  if (!golden) throw new Error(`no case ${name}`);
  return golden.plan;
}

describe('golden plans', () => {
  it.each(cases.map((planCase) => planCase.name))('%s matches its expected report and summary', async (name) => {
    for (const file of goldens.get(name)!.files) expect(file.actual, file.path).toBe(await readFile(file.path, 'utf8'));
  });
});

describe('plan behaviour per case', () => {
  const rollout = (result: Plan, deployment: string, environment: string) => result.ml.rollouts.find((change) => change.deployment === deployment && change.environment === environment);
  const ruleIds = (result: Plan) => result.approvals.rules.map((rule) => `${rule.id}×${rule.count}`);

  it('version bump: a promotion in prod, needing the team and two prod approvals, high risk', () => {
    const result = resultOf('version-bump');
    expect(rollout(result, 'fraud-api', 'prod')).toMatchObject({ action: 'changed', aspects: ['version', 'traffic'], before: { stable: '1.4.0', canary: { version: '1.5.0', traffic: 10 } }, after: { stable: '1.5.0' }, clusters: ['prod-eu', 'prod-us'], promotedFrom: 'staging' });
    expect(rollout(result, 'fraud-api', 'prod')?.after?.canary).toBeUndefined();
    // The registry ConfigMaps of every environment list where each version is deployed, so staging changes too.
    expect(ruleIds(result)).toEqual(['team:fraud×1', 'environment:staging×1', 'environment:prod×2']);
    expect(result.risk.level).toBe('high');
    expect(result.risk.reasons[0]?.text).toBe('High-risk model serving changes in production: fraud/fraud-api.');
  });

  it('canary shift: traffic 10 % → 15 % on both prod clusters', () => {
    const result = resultOf('canary-shift');
    expect(rollout(result, 'fraud-api', 'prod')).toMatchObject({ aspects: ['traffic'], before: { canary: { traffic: 10 } }, after: { canary: { traffic: 15 } } });
    const paths = result.resources.map((change) => change.path);
    expect(paths).toContain('clusters/prod-eu/fraud/inferenceservice-fraud-api.yaml');
    expect(paths).toContain('clusters/prod-us/fraud/inferenceservice-fraud-api.yaml');
    expect(result.resources.every((change) => change.action === 'changed')).toBe(true);
  });

  it('new team: only added resources of the team, approved by its own owners', () => {
    const result = resultOf('new-team');
    expect(result.inputs).toEqual([{ path: 'teams/vision/mlops.yaml', action: 'added', role: 'team', team: 'vision' }]);
    expect(result.resources.filter((change) => change.team !== '').every((change) => change.action === 'added' && change.team === 'vision')).toBe(true);
    expect(result.ml.rollouts.map((change) => `${change.action} ${change.environment}`)).toEqual(['added dev', 'added staging']);
    expect(result.ml.versions).toEqual([{ team: 'vision', model: 'defect-detector', version: '1.0.0', action: 'added', riskTier: 'medium' }]);
    expect(result.approvals.rules[0]).toMatchObject({ id: 'team:vision', approvers: ['@acme/vision'], reason: 'Changes to team vision need an approval from the owners of the new team vision.' });
    expect(ruleIds(result)).toContain('environment:staging×1');
    expect(result.scope).toEqual({ incremental: true, compiledTeams: ['vision'], totalTeams: 4 });
  });

  it('deleted deployment: deletions called out, withdrawn from dev', () => {
    const result = resultOf('deleted-deployment');
    expect(result.deletions.length).toBeGreaterThan(0);
    expect(result.deletions.every((change) => change.cluster === 'dev-eu' && change.team === 'search')).toBe(true);
    expect(result.deletions.map((change) => change.path)).toContain('clusters/dev-eu/search/inferenceservice-query-intent.yaml');
    expect(result.ml.rollouts).toMatchObject([{ deployment: 'query-intent', environment: 'dev', action: 'removed' }]);
    expect(result.risk.reasons.map((reason) => reason.text)).toContain(`${result.deletions.length} resources deleted.`);
  });

  it('platform change: every team and the new cluster are listed as affected', () => {
    const result = resultOf('platform-change');
    expect(result.scope.incremental).toBe(false);
    expect(result.impact).toMatchObject({ platformChanged: true, teams: ['fraud', 'recsys', 'search'], unaffectedTeams: [] });
    expect(result.impact.clusters).toContain('dev-us');
    expect(result.clusters.find((cluster) => cluster.cluster === 'dev-us')).toMatchObject({ environment: 'dev', teams: ['fraud', 'recsys', 'search'], changed: 0, removed: 0 });
    expect(result.approvals.rules[0]).toMatchObject({ id: 'platform', approvers: ['@acme/platform'] });
  });

  it('invalid head: diagnostics with line:column, no resource diff, no crash', () => {
    const result = resultOf('invalid-head');
    expect(result.status).toBe('invalid-head');
    expect(result.resources).toEqual([]);
    const at = result.diagnostics.head.map((diagnostic) => `${diagnostic.code} ${diagnostic.file}:${diagnostic.range.start.line}:${diagnostic.range.start.column}`);
    expect(at).toContain('ML201 teams/fraud/mlops.yaml:40:5');
    expect(at).toContain('ML303 teams/search/mlops.yaml:23:23');
    expect(result.risk.reasons[0]?.text).toMatch(/^The head does not compile \(\d+ errors\)\.$/);
  });

  it('no-op: nothing compiled but the platform, nothing to approve', () => {
    const result = resultOf('noop');
    expect(result).toMatchObject({ status: 'ok', noop: true, inputs: [], resources: [], approvals: { rules: [], conflicts: [] }, risk: { level: 'low' } });
    expect(result.scope.compiledTeams).toEqual([]);
  });

  it('adversarial names: the hostile model name is reported, escaped', () => {
    const result = resultOf('adversarial-names');
    expect(result.diagnostics.head.map((diagnostic) => `${diagnostic.code} ${diagnostic.range.start.line}:${diagnostic.range.start.column}`)).toContain('ML301 10:3');
    const markdown = renderReport(result, templates).markdown;
    expect(markdown).not.toContain('<img');
    expect(markdown).toContain('&#60;img src=x onerror=alert(1)&#62;&#124;&#96;&#42;&#42;x&#42;&#42;&#96;&#91;y&#93;(javascript:z)');
  });
});


import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { readPlanTemplates } from '../../../compiler/cli/templates-source.ts';
import type { Plan } from '../../../compiler/plan/plan-model.ts';
import { COMMENT_SIZE_LIMIT, renderReport } from '../../../compiler/plan/report/render-report.ts';
import { STICKY_MARKER } from '../../../compiler/plan/report/sections/header-view.ts';
import { buildPlan, diagnosticAt, resourceChange } from '../support/plan-builder.ts';

const templates = await readPlanTemplates();
const HOSTILE = '<img src=x onerror=alert(1)>|`**x**`[y](javascript:z) @everyone #1 $x$\n| injected | row |';

/** The comment without its fenced code blocks (whose content is verbatim by design). */
function outsideFences(markdown: string): string {
  return markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, '');
}

function hostilePlan(): Plan {
  const diff = resourceChange(`clusters/${HOSTILE}/x.yaml`, 'a: 1\n', `a: 2\n\`\`\`\n</details>\n${HOSTILE}\n`, { cluster: HOSTILE, environment: HOSTILE, team: HOSTILE, objects: [`InferenceService/${HOSTILE}`] });
  const removed = resourceChange(`clusters/${HOSTILE}/y.yaml`, 'b: 1\n', undefined, { cluster: HOSTILE, environment: HOSTILE, team: HOSTILE, objects: [HOSTILE] });
  const state = { stable: HOSTILE, canary: { version: HOSTILE, traffic: 10 }, replicas: { min: 1, max: 2 }, resources: { cpu: HOSTILE, memory: HOSTILE, gpu: 0 } };
  return buildPlan({
    resources: [diff, removed],
    inputs: [{ path: HOSTILE, action: 'changed', role: 'team', team: HOSTILE }],
    ml: {
      versions: [{ team: HOSTILE, model: HOSTILE, version: HOSTILE, action: 'added', riskTier: 'high' }],
      rollouts: [{ team: HOSTILE, deployment: HOSTILE, model: HOSTILE, riskTier: 'high', environment: HOSTILE, tier: 'production', clusters: [HOSTILE], clustersBefore: [HOSTILE], clustersAfter: [`${HOSTILE}2`], action: 'changed', before: state, after: { ...state, stable: `${HOSTILE}2` }, aspects: ['version', 'traffic', 'resources', 'clusters'] }],
      capacity: [{ environment: HOSTILE, atMinReplicas: { cpu: 1, memory: 2 ** 30, gpu: 0 }, atMaxReplicas: { cpu: 2, memory: 2 ** 31, gpu: 1 } }],
      pipelines: [{ team: HOSTILE, pipeline: HOSTILE, environment: HOSTILE, action: 'changed', scheduleBefore: HOSTILE, scheduleAfter: '0 3 * * *', scheduleChanged: true }],
      monitors: [{ team: HOSTILE, deployment: HOSTILE, action: 'changed', before: [HOSTILE], after: [] }],
      waivers: [{ team: HOSTILE, rule: HOSTILE, target: HOSTILE, approvedBy: HOSTILE, ticket: HOSTILE, expires: HOSTILE, action: 'added', expiresInDays: 3, coversChange: true }],
    },
    impact: { platformChanged: true, teams: [HOSTILE], clusters: [HOSTILE], unaffectedTeams: [HOSTILE] },
    diagnostics: { head: [diagnosticAt(HOSTILE, 3, 4, HOSTILE, HOSTILE, 'warning'), diagnosticAt('teams/x/mlops.yaml', 1, 1, 'k8s/rule', HOSTILE, 'warning')], introduced: [diagnosticAt(HOSTILE, 3, 4, HOSTILE, HOSTILE, 'warning')], resolved: [], headErrors: 0, baseErrors: 0 },
    approvals: { rules: [{ id: HOSTILE, kind: 'waiver-approver', reason: HOSTILE, approvers: [HOSTILE], count: 1 }], author: HOSTILE, conflicts: [HOSTILE] },
    risk: { level: 'high', reasons: [{ level: 'high', text: HOSTILE }] },
  });
}

describe('templates', () => {
  it('every template parses', () => {
    const sources = { main: templates.main, ...templates.partials };
    expect(Object.keys(templates.partials).sort()).toEqual(['approvals', 'diagnostics', 'footer', 'header', 'impact', 'list', 'ml-summary', 'phase-gate', 'policy', 'resources', 'risk']);
    for (const [name, source] of Object.entries(sources)) expect(() => Handlebars.precompile(source, { strict: true }), name).not.toThrow();
  });

  it('renders an empty plan with the sticky marker first', () => {
    const report = renderReport(buildPlan(), templates);
    expect(report.comment.startsWith(`${STICKY_MARKER}\n## Cirrus MLOps plan\n`)).toBe(true);
    expect(report.mode).toBe('full');
    expect(JSON.parse(report.json)).toMatchObject({ version: 1, status: 'ok', noop: true });
  });
});

describe('adversarial names', () => {
  const comment = renderReport(hostilePlan(), templates, { fullReport: HOSTILE }).comment;
  const prose = outsideFences(comment);

  it('renders every hostile field (escaped)', () => {
    expect(prose.split('&#60;img src=x onerror=alert(1)&#62;').length).toBeGreaterThan(25);
  });

  it('leaves no raw HTML but our own tags', () => {
    expect(prose.match(/<(?!\/?(?:code|details|summary|sub)>|!-- cirrus-mlops:plan -->)[^\n]{0,20}/g)).toBeNull();
  });

  it('leaves no Markdown code, link, mention or math syntax from user strings', () => {
    expect(prose).not.toContain('`');
    expect(prose.replace('> [!NOTE]', '')).not.toMatch(/[[\]@$]/);
    expect(prose).not.toMatch(/(^|[^*])\*\*x/);
  });

  it("keeps every table row to its header's column count", () => {
    const tables = prose.split('\n\n').filter((block) => block.startsWith('|'));
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const table of tables) {
      const [header, ...rows] = table.split('\n').filter((line) => line.startsWith('|'));
      const pipes = (line: string) => line.split('|').length;
      for (const row of rows) expect(pipes(row), row).toBe(pipes(header!));
    }
  });

  it('keeps a diff that contains fences and </details> inside its code block', () => {
    expect(comment).toContain('````diff\n');
    const block = /^````diff\n([\s\S]*?)^````$/m.exec(comment)?.[1] ?? '';
    expect(block).toContain('+```\n+</details>\n');
  });
});

describe('size budget', () => {
  const yaml = (version: number) => Array.from({ length: 30 }, (_, line) => `line-${line}: ${line === 15 ? version : 'same'}`).join('\n');

  it('drops per-resource diffs when they do not fit', () => {
    const resources = Array.from({ length: 200 }, (_, index) => resourceChange(`clusters/prod-eu/fraud/r-${index}.yaml`, yaml(1), yaml(2)));
    const report = renderReport(buildPlan({ resources }), templates, { fullReport: 'plan.md' });
    expect(report.markdown.length).toBeGreaterThan(COMMENT_SIZE_LIMIT);
    expect(report.mode).toBe('concise');
    expect(report.comment.length).toBeLessThanOrEqual(COMMENT_SIZE_LIMIT);
    expect(report.comment).toContain("Per-resource diffs are left out to fit GitHub's comment size limit; the full report with every diff is in plan.md.");
    expect(report.comment).not.toContain('```diff');
  });

  it('truncates a 3,000-resource change under 65,536 characters with a note', () => {
    const resources = Array.from({ length: 3000 }, (_, index) =>
      resourceChange(`clusters/prod-${index % 7}/team-${index % 50}/inferenceservice-model-${index}.yaml`, index % 3 === 0 ? undefined : yaml(1), yaml(2), { cluster: `prod-${index % 7}`, team: `team-${index % 50}` }),
    );
    const report = renderReport(buildPlan({ resources }), templates, { fullReport: 'the plan-report artifact' });
    expect(report.mode).toBe('truncated');
    expect(report.comment.length).toBeLessThanOrEqual(COMMENT_SIZE_LIMIT);
    expect(report.comment.startsWith(STICKY_MARKER)).toBe(true);
    expect(report.comment).toMatch(/This comment is truncated to fit GitHub's comment size limit: lists show at most \d+ items each\. The full report is in the plan-report artifact\./);
    expect(report.comment).toMatch(/… and \d+ more resource changes\./);
    expect(report.comment).toContain('| prod-6 | prod |');
    expect(report.markdown.split('<details>').length - 1).toBe(3000);
  });

  it('keeps a platform change reaching 1,000 teams within the limit, naming 10 teams per cluster row', () => {
    const teams = Array.from({ length: 1000 }, (_, index) => `team-${String(index).padStart(4, '0')}`);
    const resources = teams.flatMap((team) => ['dev-eu', 'prod-eu'].map((cluster) => resourceChange(`clusters/${cluster}/${team}/namespace.yaml`, 'a: 1\n', 'a: 2\n', { cluster, environment: cluster.slice(0, -3), team })));
    const rules = teams.map((team) => ({ id: `team:${team}`, kind: 'team-owners' as const, reason: `Changes to team ${team} need an approval from the owners of team ${team}.`, approvers: [`@acme/${team}`], count: 1 }));
    const result = buildPlan({ resources, impact: { platformChanged: true, teams, clusters: ['dev-eu', 'prod-eu'], unaffectedTeams: [] }, approvals: { rules, conflicts: [] } });
    const report = renderReport(result, templates);
    expect(report.mode).toBe('truncated');
    expect(report.comment.length).toBeLessThanOrEqual(COMMENT_SIZE_LIMIT);
    expect(report.comment).toContain('| dev-eu | dev | team-0000, team-0001, team-0002, team-0003, team-0004, team-0005, team-0006, team-0007, team-0008, team-0009 and 990 more | 0 | 1000 | 0 |');
    expect(report.comment).toMatch(/- Teams whose output changes — 1000: <code>team-0000<\/code>, .* and \d+ more\n/);
    expect(report.comment).toMatch(/… and \d+ more requirements \(see the full report\)\./);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { assertAllMocksUsed } from './support/bot-harness.ts';
import { TEAM_FILE, teamWithCanary } from './support/config-fixture.ts';
import { type Scenario, scenario } from './support/scenario.ts';

let world: Scenario;

afterEach(async () => {
  await world.close();
});

const ROUTES = ['getPull', 'listCheckRuns', 'createCheckRun', 'listReviews', 'listComments', 'createComment', 'updateCheckRun', 'teamMembership'] as const;

function approvals(head: string) {
  return world.github.runs('mlops/approvals', head).at(-1)!;
}

describe('mlops/approvals', () => {
  it('missing approvals, then the team owner approves: green (the author never counts)', async () => {
    world = await scenario();
    const head = await world.push({ [TEAM_FILE]: teamWithCanary(15) });
    world.github.install(ROUTES);
    await world.pullRequest('opened', head);
    expect(approvals(head)).toMatchObject({ conclusion: 'failure', output: { title: '3 approvals missing' } });
    await world.review('alice', 'APPROVED', head);
    expect(approvals(head).output.title).toBe('3 approvals missing');
    expect(approvals(head).output.summary).toContain("&#64;alice: not counted (the author's own approval never counts)");
    await world.review('carol', 'APPROVED', head);
    expect(approvals(head)).toMatchObject({ conclusion: 'failure', output: { title: '2 approvals missing' } });
    await world.review('bob', 'APPROVED', head);
    expect(approvals(head)).toMatchObject({ conclusion: 'success', output: { title: 'All required approvals given' } });
    expect(world.github.runs('mlops/approvals', head)).toHaveLength(1);
    expect(world.github.comments).toHaveLength(1);
    expect(assertAllMocksUsed()).toEqual([]);
  });

  it('a dismissed approval no longer counts', async () => {
    world = await scenario();
    const head = await world.push({ [TEAM_FILE]: teamWithCanary(15) });
    world.github.install(ROUTES);
    world.github.review(7, 'carol', 'APPROVED', head);
    world.github.review(7, 'bob', 'APPROVED', head);
    await world.pullRequest('opened', head);
    expect(approvals(head).conclusion).toBe('success');
    await world.review('bob', 'DISMISSED', head);
    expect(approvals(head)).toMatchObject({ conclusion: 'failure', output: { title: '2 approvals missing' } });
    expect(approvals(head).output.summary).toContain('&#64;bob: not counted (dismissed)');
    expect(assertAllMocksUsed()).toEqual([]);
  });

  it('an approval given before a later push that changed the config no longer counts; a docs-only push keeps it', async () => {
    world = await scenario();
    const first = await world.push({ [TEAM_FILE]: teamWithCanary(15) });
    world.github.install([...ROUTES, 'updateComment']);
    world.github.review(7, 'carol', 'APPROVED', first);
    world.github.review(7, 'bob', 'APPROVED', first);
    await world.pullRequest('opened', first);
    expect(approvals(first).conclusion).toBe('success');
    const second = await world.push({ [TEAM_FILE]: teamWithCanary(18) }, { parent: first });
    await world.pullRequest('synchronize', second);
    expect(approvals(second)).toMatchObject({ conclusion: 'failure', output: { title: '3 approvals missing' } });
    expect(approvals(second).output.summary).toContain('&#64;bob: not counted (given before a later push changed the config)');
    world.github.review(7, 'carol', 'APPROVED', second);
    world.github.review(7, 'bob', 'APPROVED', second);
    const third = await world.push({ 'README.md': 'docs\n' }, { parent: second });
    await world.pullRequest('synchronize', third);
    expect(approvals(third).conclusion).toBe('success');
    expect(world.github.comments).toHaveLength(1);
    expect(assertAllMocksUsed()).toEqual([]);
  });

  it('a force-push: the new head is checked, old approvals do not count, the comment is edited in place', async () => {
    world = await scenario();
    const first = await world.push({ [TEAM_FILE]: teamWithCanary(15) });
    world.github.install([...ROUTES, 'updateComment']);
    world.github.review(7, 'carol', 'APPROVED', first);
    world.github.review(7, 'bob', 'APPROVED', first);
    await world.pullRequest('opened', first);
    const commentId = world.github.comments[0]!.id;
    const rewritten = await world.push({ [TEAM_FILE]: teamWithCanary(12) }, { parent: world.base });
    await world.pullRequest('synchronize', rewritten);
    expect(approvals(rewritten)).toMatchObject({ conclusion: 'failure', output: { title: '3 approvals missing' } });
    expect(world.github.runs('mlops/validate', rewritten).at(-1)!.conclusion).toBe('success');
    expect(world.github.comments.map((comment) => comment.id)).toEqual([commentId]);
    expect(world.github.comments[0]!.body).toContain(`<!-- cirrus-mlops:head ${rewritten} -->`);
    expect(assertAllMocksUsed()).toEqual([]);
  });
});

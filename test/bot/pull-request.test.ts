import { afterEach, describe, expect, it } from 'vitest';
import type { CompilerCore } from '../../bot/core/compiler-core.ts';
import { COMPILER } from '../../bot/core/compiler-core.ts';
import { assertAllMocksUsed } from './support/bot-harness.ts';
import { edited, TEAM_FILE, teamWithCanary, validOrg } from './support/config-fixture.ts';
import { type Scenario, scenario } from './support/scenario.ts';

let world: Scenario;

afterEach(async () => {
  await world.close();
});

const FULL_CHECK = ['getPull', 'listCheckRuns', 'createCheckRun', 'listReviews', 'listComments', 'createComment', 'updateCheckRun'] as const;

function conclusions(head: string): (string | null | undefined)[] {
  return ['mlops/validate', 'mlops/policy', 'mlops/approvals'].map((name) => world.github.runs(name, head).at(-1)?.conclusion);
}

describe('pull_request events', () => {
  it('a clean PR: validate and policy pass, approvals wait, one comment linked from the checks', async () => {
    world = await scenario();
    const head = await world.push({ [TEAM_FILE]: teamWithCanary(15) });
    world.github.install(FULL_CHECK);
    await world.pullRequest('opened', head);
    expect(assertAllMocksUsed()).toEqual([]);
    expect(world.github.checkRuns).toHaveLength(3);
    expect(conclusions(head)).toEqual(['success', 'success', 'failure']);
    const approvals = world.github.runs('mlops/approvals', head)[0]!;
    expect(approvals.output.title).toBe('3 approvals missing');
    expect(approvals.output.summary).toContain('&#64;acme/fraud-ml');
    expect(world.github.comments).toHaveLength(1);
    const comment = world.github.comments[0]!;
    expect(comment.body.startsWith('<!-- cirrus-mlops:plan -->')).toBe(true);
    expect(comment.body).toContain(`<!-- cirrus-mlops:head ${head} -->`);
    expect(comment.body.length).toBeLessThan(65_536);
    expect(world.github.runs('mlops/validate', head)[0]!.details_url).toBe(`https://github.com/acme/config/pull/7#issuecomment-${comment.id}`);
    expect(world.bot.handled).toEqual([expect.objectContaining({ name: 'pull_request.opened', outcome: 'checked', writes: 7 })]);
  });

  it('invalid config: mlops/validate fails with an annotation on the exact line and columns', async () => {
    world = await scenario();
    const head = await world.push({ [TEAM_FILE]: edited(validOrg()[TEAM_FILE]!, '    model: fraud-detector', '    modl: fraud-detector') });
    world.github.install(FULL_CHECK);
    await world.pullRequest('opened', head);
    expect(assertAllMocksUsed()).toEqual([]);
    const [validate, policy] = [world.github.runs('mlops/validate', head)[0]!, world.github.runs('mlops/policy', head)[0]!];
    expect(validate.conclusion).toBe('failure');
    expect(validate.output.title).toBe('Invalid config: 1 error, 0 warnings');
    expect(validate.annotations).toEqual([expect.objectContaining({ path: TEAM_FILE, start_line: 29, end_line: 29, start_column: 5, end_column: 9, annotation_level: 'failure', title: 'ML201' })]);
    expect(policy.conclusion).toBe('failure');
    expect(policy.output.title).toBe('Not evaluated: the config does not validate');
  });

  it('a policy violation: mlops/policy fails with the rule id on the offending line', async () => {
    world = await scenario();
    const head = await world.push({ [TEAM_FILE]: teamWithCanary(30) });
    world.github.install(FULL_CHECK);
    await world.pullRequest('opened', head);
    expect(assertAllMocksUsed()).toEqual([]);
    expect(conclusions(head)).toEqual(['success', 'failure', 'failure']);
    const policy = world.github.runs('mlops/policy', head)[0]!;
    expect(policy.annotations).toEqual([expect.objectContaining({ path: TEAM_FILE, start_line: 39, start_column: 37, title: 'ml/high-risk-canary', annotation_level: 'failure' })]);
  });

  it('a PR relaxing platform.yaml for its own team is still failed by the base rule, and needs the platform owners', async () => {
    world = await scenario();
    const platform = edited(validOrg()['platform.yaml']!, '  maxCanaryTraffic: 20', '  maxCanaryTraffic: 50');
    const head = await world.push({ 'platform.yaml': platform, [TEAM_FILE]: teamWithCanary(30) });
    world.github.install(FULL_CHECK);
    await world.pullRequest('opened', head);
    expect(assertAllMocksUsed()).toEqual([]);
    const policy = world.github.runs('mlops/policy', head)[0]!;
    expect(policy.conclusion).toBe('failure');
    expect(policy.output.summary).toContain("judged by the base branch's rules");
    expect(policy.annotations).toEqual([expect.objectContaining({ path: TEAM_FILE, start_line: 39, title: 'ml/high-risk-canary' })]);
    expect(world.github.runs('mlops/approvals', head)[0]!.output.summary).toContain('platform owners');
  });

  it('a PR that touches no config gets three successes at once, no comment and no compile', async () => {
    let compiles = 0;
    const counting: CompilerCore = { ...COMPILER, plan: (...args) => {
        compiles++;
        return COMPILER.plan(...args);
      },
    };
    world = await scenario({ compiler: counting });
    const head = await world.push({ 'README.md': '# docs\n' });
    world.github.install(['getPull', 'listComments', 'listCheckRuns', 'createCheckRun', 'listReviews']);
    await world.pullRequest('opened', head);
    expect(assertAllMocksUsed()).toEqual([]);
    expect(conclusions(head)).toEqual(['success', 'success', 'success']);
    expect(world.github.checkRuns.map((run) => run.output.title)).toEqual(['No config changes', 'No config changes', 'No config changes']);
    expect(world.github.comments).toEqual([]);
    expect(compiles).toBe(0);
    expect(world.bot.handled[0]).toMatchObject({ outcome: 'no-config', writes: 3 });
  });

  it('a crash inside the handler becomes three failed checks with a readable message', async () => {
    const broken: CompilerCore = {
      ...COMPILER,
      plan: () => {
        throw new Error('compiler exploded');
      },
    };
    world = await scenario({ compiler: broken });
    const head = await world.push({ [TEAM_FILE]: teamWithCanary(15) });
    world.github.install(['getPull', 'listCheckRuns', 'createCheckRun', 'updateCheckRun', 'listReviews']);
    await world.pullRequest('opened', head);
    expect(assertAllMocksUsed()).toEqual([]);
    expect(conclusions(head)).toEqual(['failure', 'failure', 'failure']);
    const run = world.github.runs('mlops/validate', head)[0]!;
    expect(run.output.title).toBe('The bot hit an internal error');
    expect(run.output.summary).toContain('compiler exploded');
    expect(world.github.checkRuns).toHaveLength(3);
  });

  it('never posts results for a head that moved meanwhile as current: the old commit gets its checks, the comment waits', async () => {
    world = await scenario();
    const head = await world.push({ [TEAM_FILE]: teamWithCanary(15) });
    world.github.install(['getPull', 'listCheckRuns', 'createCheckRun', 'listReviews', 'updateCheckRun']);
    world.github.onRequest = (route) => {
      if (route === 'listReviews') world.github.pulls.set(7, { ...world.github.pulls.get(7)!, headSha: 'f'.repeat(40) });
    };
    await world.pullRequest('synchronize', head);
    expect(assertAllMocksUsed()).toEqual([]);
    expect(world.bot.handled[0]?.outcome).toBe('outdated');
    expect(world.github.comments).toEqual([]);
    expect(conclusions(head)).toEqual(['success', 'success', 'failure']);
  });

  it('edited: re-checks when the base branch changed, ignores title edits', async () => {
    world = await scenario();
    const head = await world.push({ [TEAM_FILE]: teamWithCanary(15) });
    world.github.install(FULL_CHECK);
    const payload = (await import('./support/webhook-payloads.ts')).pullRequestPayload('edited', (await import('./support/bot-harness.ts')).TARGET, world.fields(head));
    await world.bot.deliver('pull_request', { ...payload, changes: { title: { from: 'old' } } });
    expect(world.github.requests).toEqual([]);
    await world.bot.deliver('pull_request', payload);
    expect(assertAllMocksUsed()).toEqual([]);
    expect(world.bot.handled).toEqual([expect.objectContaining({ name: 'pull_request.edited', outcome: 'checked' })]);
  });
});

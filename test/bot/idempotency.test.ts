import { afterEach, describe, expect, it } from 'vitest';
import { TARGET, assertAllMocksUsed } from './support/bot-harness.ts';
import { TEAM_FILE, edited, teamWithCanary, validOrg } from './support/config-fixture.ts';
import { type Scenario, scenario } from './support/scenario.ts';
import { pullRequestPayload, reviewPayload } from './support/webhook-payloads.ts';

let world: Scenario;

afterEach(async () => {
  await world.close();
});

const ROUTES = ['getPull', 'listCheckRuns', 'createCheckRun', 'listReviews', 'listComments', 'createComment', 'updateCheckRun'] as const;

describe('idempotency and robustness', () => {
  it('a redelivered event writes nothing: one comment, one run per check', async () => {
    world = await scenario();
    const head = await world.push({ [TEAM_FILE]: teamWithCanary(15) });
    world.github.install(ROUTES);
    const payload = pullRequestPayload('opened', TARGET, world.fields(head));
    await world.bot.deliver('pull_request', payload, 'delivery-same');
    const writes = world.github.writes().length;
    await world.bot.deliver('pull_request', payload, 'delivery-same');
    expect(world.github.writes()).toHaveLength(writes);
    expect(world.bot.handled.map((event) => event.writes)).toEqual([7, 0]);
    expect(world.github.checkRuns).toHaveLength(3);
    expect(world.github.comments).toHaveLength(1);
    expect(assertAllMocksUsed()).toEqual([]);
  });

  it('two app instances handling one PR’s events at once leave one comment and one completed run per check', async () => {
    world = await scenario();
    const head = await world.push({ [TEAM_FILE]: teamWithCanary(15) });
    world.github.install([...ROUTES, 'teamMembership', 'deleteComment', 'updateComment']);
    world.github.review(7, 'carol', 'APPROVED', head);
    const replica = await world.replica();
    // The replica receives the review while the first instance is still checking the opened PR.
    let started = false;
    let second: Promise<void> | undefined;
    world.github.onRequest = (route) => {
      if (route !== 'createCheckRun' || started) return;
      started = true;
      world.github.review(7, 'bob', 'APPROVED', head);
      second = replica.deliver('pull_request_review', reviewPayload('submitted', TARGET, world.fields(head), 'bob'));
    };
    await world.pullRequest('opened', head);
    await second;
    expect(world.github.comments).toHaveLength(1);
    for (const name of ['mlops/validate', 'mlops/policy', 'mlops/approvals']) {
      const runs = world.github.runs(name, head);
      expect(runs, name).toHaveLength(1);
      expect(runs[0]!.status).toBe('completed');
    }
    expect(world.github.runs('mlops/approvals', head)[0]!.conclusion).toBe('success');
  });

  it('two instances receiving the same delivery at the same moment converge: one comment, every run completed alike (GitHub offers no atomic create for check runs, see docs/bot.md)', async () => {
    world = await scenario();
    const head = await world.push({ [TEAM_FILE]: teamWithCanary(15) });
    world.github.install([...ROUTES, 'deleteComment', 'updateComment']);
    const replica = await world.replica();
    const payload = pullRequestPayload('opened', TARGET, world.fields(head));
    await Promise.all([world.bot.deliver('pull_request', payload, 'delivery-twice'), replica.deliver('pull_request', payload, 'delivery-twice')]);
    expect(world.github.comments).toHaveLength(1);
    for (const name of ['mlops/validate', 'mlops/policy', 'mlops/approvals']) {
      const runs = world.github.runs(name, head);
      expect(runs.every((run) => run.status === 'completed' && run.conclusion === runs[0]!.conclusion), name).toBe(true);
    }
  });

  it('120 annotations go in 3 requests of at most 50', async () => {
    world = await scenario();
    const extra = Array.from({ length: 120 }, (_, index) => `  x${index}: 1\n`).join('');
    const head = await world.push({ [TEAM_FILE]: edited(validOrg()[TEAM_FILE]!, 'metadata:\n', `metadata:\n${extra}`) });
    world.github.install(ROUTES);
    await world.pullRequest('opened', head);
    const run = world.github.runs('mlops/validate', head)[0]!;
    expect(run.annotations).toHaveLength(120);
    expect(run.annotations.map((annotation) => annotation.start_line)).toEqual(Array.from({ length: 120 }, (_, index) => index + 4));
    const batches = world.github.requests.filter((request) => request.path.endsWith(`/check-runs/${run.id}`) || (request.method === 'POST' && (request.body as { name?: string }).name === 'mlops/validate' && (request.body as { status?: string }).status === 'completed'));
    expect(batches.map((request) => ((request.body as { output?: { annotations?: unknown[] } }).output?.annotations ?? []).length).filter((count) => count > 0)).toEqual([50, 50, 20]);
    expect(assertAllMocksUsed()).toEqual([]);
  });

  it('GitHub 5xx and secondary rate limits (403 and 429) are retried, then succeed', async () => {
    world = await scenario();
    const head = await world.push({ [TEAM_FILE]: teamWithCanary(15) });
    world.github.install(ROUTES);
    const secondaryRateLimit = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
    world.github.failNext('createComment', 502, 'Bad Gateway');
    // GitHub answers a secondary rate limit with 403 or 429; its description documents 403 for creating a comment only.
    world.github.failNext('createComment', 403, secondaryRateLimit, { 'retry-after': '1' });
    world.github.failNext('createCheckRun', 429, secondaryRateLimit, { 'retry-after': '1' });
    world.github.failNext('getPull', 500, 'Internal Server Error');
    await world.pullRequest('opened', head);
    expect(world.github.comments).toHaveLength(1);
    expect(world.github.checkRuns).toHaveLength(3);
    expect(world.github.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/comments'))).toHaveLength(3);
    expect(world.github.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/check-runs'))).toHaveLength(4);
    expect(world.bot.handled[0]?.outcome).toBe('checked');
    expect(assertAllMocksUsed()).toEqual([]);
  });
});

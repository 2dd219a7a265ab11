import { afterEach, describe, expect, it } from 'vitest';
import { TARGET, assertAllMocksUsed } from './support/bot-harness.ts';
import { TEAM_FILE, teamWithCanary } from './support/config-fixture.ts';
import { type Scenario, scenario } from './support/scenario.ts';
import { checkRunRerequestedPayload, examplePayload, mergeGroupPayload } from './support/webhook-payloads.ts';

let world: Scenario;

afterEach(async () => {
  await world.close();
});

describe('merge queues and re-runs', () => {
  it('merge_group checks_requested: the same three checks on the queue head, no comment', async () => {
    world = await scenario();
    const head = await world.remote.commit({ [TEAM_FILE]: teamWithCanary(15) }, world.base);
    const headRef = `refs/heads/gh-readonly-queue/main/pr-7-${head}`;
    await world.remote.setRef(headRef, head);
    world.github.install(['listCheckRuns', 'createCheckRun', 'updateCheckRun']);
    await world.bot.deliver('merge_group', mergeGroupPayload(TARGET, { headSha: head, headRef, baseSha: world.base, baseRef: 'refs/heads/main' }));
    expect(['mlops/validate', 'mlops/policy', 'mlops/approvals'].map((name) => world.github.runs(name, head)[0]?.conclusion)).toEqual(['success', 'success', 'success']);
    expect(world.github.runs('mlops/approvals', head)[0]!.output.title).toBe('Approved on the queued pull requests');
    expect(world.github.comments).toEqual([]);
    expect(assertAllMocksUsed()).toEqual([]);
  });

  it('check_run rerequested on a fork PR (no pull_requests in the payload) finds the PR from the run', async () => {
    world = await scenario();
    const head = await world.push({ [TEAM_FILE]: teamWithCanary(15) });
    world.github.install(['getPull', 'listCheckRuns', 'createCheckRun', 'listReviews', 'listComments', 'createComment', 'updateCheckRun']);
    await world.bot.deliver('check_run', checkRunRerequestedPayload(TARGET, { name: 'mlops/policy', headSha: head, externalId: 'cirrus-mlops:pr=7:0123456789abcdef0123' }));
    expect(world.bot.handled[0]).toMatchObject({ name: 'check_run.rerequested', outcome: 'checked' });
    expect(world.github.runs('mlops/policy', head)[0]?.conclusion).toBe('success');
    expect(assertAllMocksUsed()).toEqual([]);
  });
});

describe('check_suite rerequested', () => {
  it('re-checks the pull request its runs belong to', async () => {
    world = await scenario();
    const head = await world.push({ [TEAM_FILE]: teamWithCanary(15) });
    world.github.install(['getPull', 'listCheckRuns', 'createCheckRun', 'listReviews', 'listComments', 'createComment', 'updateCheckRun']);
    await world.pullRequest('opened', head);
    const writes = world.github.writes().length;
    const payload = examplePayload('check_suite', 'rerequested');
    Object.assign(payload.repository, { name: 'config', full_name: 'acme/config' });
    payload.repository.owner.login = 'acme';
    Object.assign(payload.check_suite, { head_sha: head, pull_requests: [] });
    await world.bot.deliver('check_suite', payload);
    expect(world.bot.handled.map((event) => [event.name, event.outcome])).toEqual([
      ['pull_request.opened', 'checked'],
      ['check_suite.rerequested', 'checked'],
    ]);
    expect(world.github.writes()).toHaveLength(writes);
    expect(assertAllMocksUsed()).toEqual([]);
  });
});

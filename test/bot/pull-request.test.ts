import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { type BotInstance, assertAllMocksUsed, startBot, TARGET } from './support/bot-harness.ts';
import { TEAM_FILE, teamWithCanary, validOrg } from './support/config-fixture.ts';
import { FakeGitHub } from './support/fake-github.ts';
import { GitRemote } from './support/git-remote.ts';
import { pullRequestPayload } from './support/webhook-payloads.ts';

let remote: GitRemote;
let github: FakeGitHub;
let bot: BotInstance;
let base: string;

beforeEach(async () => {
  nock.disableNetConnect();
  remote = await GitRemote.create();
  base = await remote.commit(validOrg());
  await remote.setRef('refs/heads/main', base);
  github = new FakeGitHub();
  github.teams['acme/fraud-ml'] = ['bob'];
  bot = await startBot(remote.cloneUrlTemplate);
});

afterEach(async () => {
  await bot.close();
  await remote.remove();
  nock.enableNetConnect();
});

async function openPullRequest(files: Record<string, string | null>, number = 7): Promise<string> {
  const head = await remote.commit(files, base);
  await remote.setRef(`refs/pull/${number}/head`, head);
  github.pulls.set(number, { number, state: 'open', headSha: head, baseSha: base, baseRef: 'main', author: 'alice' });
  return head;
}

function fields(head: string, number = 7) {
  return { number, headSha: head, baseSha: base, baseRef: 'main', author: 'alice' };
}

describe('pull_request events', () => {
  it('a clean PR: validate and policy pass, approvals wait, one comment linked from the checks', async () => {
    const head = await openPullRequest({ [TEAM_FILE]: teamWithCanary(15) });
    github.install(['getPull', 'listCheckRuns', 'createCheckRun', 'listReviews', 'listComments', 'createComment', 'updateCheckRun']);
    await bot.deliver('pull_request', pullRequestPayload('opened', TARGET, fields(head)));
    expect(assertAllMocksUsed()).toEqual([]);
    const [validate] = github.runs('mlops/validate', head);
    const [policy] = github.runs('mlops/policy', head);
    const [approvals] = github.runs('mlops/approvals', head);
    expect(github.checkRuns).toHaveLength(3);
    expect([validate?.conclusion, policy?.conclusion, approvals?.conclusion]).toEqual(['success', 'success', 'failure']);
    expect(approvals?.output.title).toBe('3 approvals missing');
    expect(github.comments).toHaveLength(1);
    const comment = github.comments[0]!;
    expect(comment.body.startsWith('<!-- cirrus-mlops:plan -->')).toBe(true);
    expect(comment.body).toContain(`<!-- cirrus-mlops:head ${head} -->`);
    expect(validate?.details_url).toBe(`https://github.com/acme/config/pull/7#issuecomment-${comment.id}`);
    expect(bot.handled).toEqual([expect.objectContaining({ name: 'pull_request.opened', outcome: 'checked', writes: 7 })]);
  });
});

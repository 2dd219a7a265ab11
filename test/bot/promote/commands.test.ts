/** `/mlops promote` and `/mlops rollback` as bot command handlers: parsing, and runs against the GitHub API (nock) with a real issue_comment payload. */
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promoteCommand } from '../../../bot/promote/promote-command.ts';
import { registryEntry } from '../../../bot/promote/registry-entry.ts';
import { rollbackCommand } from '../../../bot/promote/rollback-command.ts';
import { readSourceTree } from '../../../compiler/cli/fs-source.ts';
import type { SourceTree } from '../../../compiler/load/source-tree.ts';
import { FRAUD_TEAM_FILE, SAMPLE_REPO } from '../../promote/support/sample-org.ts';
import { hoursAfterStart as at, buildTrail } from '../../promote/support/trail.ts';
import { githubApi } from '../support/github-api.ts';
import { createdBlobBody, createdCommentBody, createdCommitBody, createdPullBody, createdRefBody, createdTreeBody, errorBody, gitCommitBody } from '../support/github-bodies.ts';
import { commandArguments, dependencies, issueCommentPayload } from './support/fixtures.ts';

const REPO = '/repos/Codertocat/Hello-World';
const BASE = 'a'.repeat(40);
const EARLIER = 'e'.repeat(40);
/** Object SHAs the mocked Git Data API returns. */
const SHA = { tree0: '1'.repeat(40), tree1: '2'.repeat(40), blob1: '3'.repeat(40), commit1: '4'.repeat(40) };
const PROMOTED_TEXT = FRAUD_TEAM_FILE.replace('        version: "1.4.0"\n        canary: { version: "1.5.0", traffic: 10 }\n', '        version: "1.5.0"\n');
let tree: SourceTree;

beforeAll(async () => {
  tree = await readSourceTree(SAMPLE_REPO);
  nock.disableNetConnect();
});

afterAll(() => {
  nock.enableNetConnect();
});

const healthyStaging = buildTrail([
  { event: 'deploy', time: at(0), sha: BASE, pr: 3, changes: [{ environment: 'staging', version: '1.5.0' }] },
  { event: 'synced', time: at(1), sha: BASE, cluster: 'stg-eu' },
]);

function parsed<T>(result: { request: T } | { usageError: string }): T {
  if ('usageError' in result) throw new Error(result.usageError);
  return result.request;
}

describe('parsing', () => {
  it('reads the words of a real issue comment', () => {
    const payload = issueCommentPayload('Looks good.\n/mlops promote fraud-api 1.5.0 to prod\n');
    expect(promoteCommand.parse(commandArguments(payload.comment.body, 'promote')!)).toEqual({ request: { deployment: 'fraud-api', version: '1.5.0', environment: 'prod' } });
  });

  it('parses rollbacks with and without a deploy id', () => {
    expect(rollbackCommand.parse(['fraud-api', 'in', 'prod'])).toEqual({ request: { deployment: 'fraud-api', environment: 'prod' } });
    expect(rollbackCommand.parse(['fraud/fraud-api', 'in', 'prod', 'to', '#7'])).toEqual({ request: { deployment: 'fraud/fraud-api', environment: 'prod', toSeq: 7 } });
    expect(rollbackCommand.parse(['fraud-api', 'in', 'prod', 'to', '7'])).toEqual({ request: { deployment: 'fraud-api', environment: 'prod', toSeq: 7 } });
  });

  it('answers usage errors for malformed commands', () => {
    for (const args of [[], ['fraud-api', '1.5.0', 'prod'], ['fraud-api', '1.5.0', 'into', 'prod'], ['-x', '1.5.0', 'to', 'prod'], ['../etc', '1.5.0', 'to', 'prod'], ['a', 'b', 'to', 'c', 'd']]) {
      expect(promoteCommand.parse(args)).toEqual({ usageError: 'Expected `/mlops promote <deployment> <version> to <env>`, e.g. `/mlops promote fraud-api 1.5.0 to prod`.' });
    }
    for (const args of [['fraud-api', 'prod'], ['fraud-api', 'in', 'prod', 'to'], ['fraud-api', 'in', 'prod', 'to', 'zero'], ['fraud-api', 'in', 'prod', 'at', '7'], ['fraud-api', 'in', 'prod', 'to', '0']]) {
      expect(rollbackCommand.parse(args)).toMatchObject({ usageError: expect.stringContaining('/mlops rollback <deployment> in <env> [to <deploy id>]') });
    }
  });
});

describe('/mlops promote', () => {
  it('opens a pull request through the Git Data API and comments where it is', async () => {
    const payload = issueCommentPayload('/mlops promote fraud-api 1.5.0 to prod');
    const deps = await dependencies(payload, { tree, baseSha: BASE, trail: healthyStaging, now: new Date(at(30)) });
    const branch = 'mlops/promote-fraud-api-1.5.0-to-prod';
    const api = githubApi()
      .get(`${REPO}/git/commits/${BASE}`)
      .reply(200, gitCommitBody(BASE, SHA.tree0))
      .post(`${REPO}/git/blobs`, { content: PROMOTED_TEXT, encoding: 'utf-8' })
      .reply(201, createdBlobBody(SHA.blob1))
      .post(`${REPO}/git/trees`, { base_tree: SHA.tree0, tree: [{ path: 'teams/fraud/mlops.yaml', mode: '100644', type: 'blob', sha: SHA.blob1 }] })
      .reply(201, createdTreeBody(SHA.tree1))
      .post(`${REPO}/git/commits`, (body) => body.tree === SHA.tree1 && body.parents[0] === BASE && body.message.startsWith('Promote fraud-api 1.5.0 to prod\n'))
      .reply(201, createdCommitBody(SHA.commit1, SHA.tree1))
      .post(`${REPO}/git/refs`, { ref: `refs/heads/${branch}`, sha: SHA.commit1 })
      .reply(201, createdRefBody(`refs/heads/${branch}`, SHA.commit1))
      .post(`${REPO}/pulls`, (body) => body.base === 'main' && body.head === branch && body.title === 'Promote fraud-api 1.5.0 to prod' && body.body.startsWith('<!-- mlops:promote -->\n') && body.body.includes('at the request of &#64;Codertocat'))
      .reply(201, createdPullBody(42, 'https://github.com/Codertocat/Hello-World/pull/42'))
      .post(`${REPO}/issues/1/comments`, (body) => body.body.includes('&#64;Codertocat: opened #42 — Promote fraud-api 1.5.0 to prod.'))
      .reply(201, createdCommentBody(1));
    const outcome = await promoteCommand.run(parsed(promoteCommand.parse(commandArguments(payload.comment.body, 'promote')!)), deps);
    expect(outcome).toEqual({ kind: 'opened', number: 42, url: 'https://github.com/Codertocat/Hello-World/pull/42', branch });
    expect(api.pendingMocks()).toEqual([]);
  });

  it('comments the refusal, with the reason, and opens nothing', async () => {
    const payload = issueCommentPayload('/mlops promote fraud-api 1.5.0 to prod');
    const deps = await dependencies(payload, { tree, baseSha: BASE, trail: healthyStaging, now: new Date(at(4.2)) });
    let comment = '';
    const api = githubApi()
      .post(`${REPO}/issues/1/comments`, (body) => {
        comment = body.body;
        return true;
      })
      .reply(201, createdCommentBody(1));
    const outcome = await promoteCommand.run({ deployment: 'fraud-api', version: '1.5.0', environment: 'prod' }, deps);
    expect(outcome).toEqual({ kind: 'refused', code: 'ML806', reason: '1.5.0 has been healthy in staging for 3h 12m; prod requires 24h (soak).' });
    expect(comment).toBe(`<!-- mlops:promote-reply -->\n&#64;Codertocat: <code>/mlops promote</code> refused (<code>ML806</code>): 1.5.0 has been healthy in staging for 3h 12m; prod requires 24h (soak).\n\nHint: Ask again after ${at(25)} if it stays healthy.\n`);
    expect(api.pendingMocks()).toEqual([]);
  });

  it('refuses, by comment, a branch that already exists', async () => {
    const payload = issueCommentPayload('/mlops promote fraud-api 1.5.0 to prod');
    const deps = await dependencies(payload, { tree, baseSha: BASE, trail: healthyStaging, now: new Date(at(30)) });
    const api = githubApi()
      .get(`${REPO}/git/commits/${BASE}`)
      .reply(200, gitCommitBody(BASE, SHA.tree0))
      .post(`${REPO}/git/blobs`)
      .reply(201, createdBlobBody(SHA.blob1))
      .post(`${REPO}/git/trees`)
      .reply(201, createdTreeBody(SHA.tree1))
      .post(`${REPO}/git/commits`)
      .reply(201, createdCommitBody(SHA.commit1, SHA.tree1))
      .post(`${REPO}/git/refs`)
      .reply(422, errorBody('Reference already exists'))
      .post(`${REPO}/issues/1/comments`, (body) => body.body.includes('refused (<code>branch-exists</code>): Branch mlops/promote-fraud-api-1.5.0-to-prod already exists'))
      .reply(201, createdCommentBody(1));
    expect(await promoteCommand.run({ deployment: 'fraud-api', version: '1.5.0', environment: 'prod' }, deps)).toMatchObject({ kind: 'refused', code: 'branch-exists' });
    expect(api.pendingMocks()).toEqual([]);
  });
});

describe('/mlops rollback', () => {
  const trail = buildTrail([
    { event: 'deploy', time: at(0), sha: EARLIER, pr: 3, changes: [{ environment: 'prod', version: '1.4.0', canary: { version: '1.5.0', traffic: 10 }, action: 'added' }] },
    { event: 'deploy', time: at(5), sha: BASE, pr: 4, changes: [{ environment: 'prod', version: '1.5.0' }] },
  ]);

  it('restores the earlier block from the file at the deploy\'s source SHA', async () => {
    const promotedTree = { ...tree, files: tree.files.map((file) => (file.path === 'teams/fraud/mlops.yaml' ? { path: file.path, content: PROMOTED_TEXT } : file)) };
    const payload = issueCommentPayload('/mlops rollback fraud-api in prod');
    const deps = await dependencies(payload, { tree: promotedTree, baseSha: BASE, files: { [`${EARLIER}:teams/fraud/mlops.yaml`]: FRAUD_TEAM_FILE }, trail, now: new Date(at(6)) });
    const branch = 'mlops/rollback-fraud-api-prod-to-seq-1';
    const api = githubApi()
      .get(`${REPO}/git/commits/${BASE}`)
      .reply(200, gitCommitBody(BASE, SHA.tree0))
      .post(`${REPO}/git/blobs`, { content: FRAUD_TEAM_FILE, encoding: 'utf-8' })
      .reply(201, createdBlobBody(SHA.blob1))
      .post(`${REPO}/git/trees`)
      .reply(201, createdTreeBody(SHA.tree1))
      .post(`${REPO}/git/commits`)
      .reply(201, createdCommitBody(SHA.commit1, SHA.tree1))
      .post(`${REPO}/git/refs`, { ref: `refs/heads/${branch}`, sha: SHA.commit1 })
      .reply(201, createdRefBody(`refs/heads/${branch}`, SHA.commit1))
      .post(`${REPO}/pulls`, (body) => body.title === 'Roll back fraud-api in prod to 1.4.0 (canary 1.5.0 at 10 %) (deploy seq 1)' && body.body.includes('Undoes #4 at seq 2'))
      .reply(201, createdPullBody(43, 'https://github.com/Codertocat/Hello-World/pull/43'))
      .post(`${REPO}/issues/1/comments`, (body) => body.body.includes('prod: fraud-api back from 1.5.0 to 1.4.0 (canary 1.5.0 at 10 %), as deployed in &#35;3 at seq 1.'))
      .reply(201, createdCommentBody(1));
    const outcome = await rollbackCommand.run(parsed(rollbackCommand.parse(commandArguments(payload.comment.body, 'rollback')!)), deps);
    expect(outcome).toMatchObject({ kind: 'opened', number: 43, branch });
    expect(api.pendingMocks()).toEqual([]);
  });

  it('comments the refusal when the deploy id is not a deploy', async () => {
    const payload = issueCommentPayload('/mlops rollback fraud-api in prod to 9');
    const deps = await dependencies(payload, { tree, baseSha: BASE, trail, now: new Date(at(6)) });
    const api = githubApi()
      .post(`${REPO}/issues/1/comments`, (body) => body.body.includes('refused (<code>ML810</code>): The audit trail has no entry 9.'))
      .reply(201, createdCommentBody(1));
    expect(await rollbackCommand.run({ deployment: 'fraud-api', environment: 'prod', toSeq: 9 }, deps)).toMatchObject({ kind: 'refused', code: 'ML810' });
    expect(api.pendingMocks()).toEqual([]);
  });
});

describe('registryEntry', () => {
  it('answers a malformed command with its usage, and runs a well-formed one', async () => {
    const payload = issueCommentPayload('/mlops rollback fraud-api prod');
    const deps = await dependencies(payload, { tree, baseSha: BASE, trail: healthyStaging, now: new Date(at(30)) });
    const entry = registryEntry(rollbackCommand, async (invocation: { args: readonly string[]; number: number }) => ({ ...deps, issueNumber: invocation.number }));
    expect([entry.name, entry.usage]).toEqual(['rollback', '/mlops rollback <deployment> in <env> [to <deploy id>]']);
    const api = githubApi()
      .post(`${REPO}/issues/7/comments`, (body) => body.body.includes('&#64;Codertocat: Expected') && body.body.includes('Usage: <code>/mlops rollback &#60;deployment&#62; in &#60;env&#62; &#91;to &#60;deploy id&#62;&#93;</code>'))
      .reply(201, createdCommentBody(1))
      .post(`${REPO}/issues/7/comments`, (body) => body.body.includes('refused (<code>ML811</code>): The audit trail has no deploy of `fraud-api` in prod.'.replaceAll('`', '&#96;')))
      .reply(201, createdCommentBody(2));
    await entry.run({ args: commandArguments(payload.comment.body, 'rollback')!, number: 7 });
    await entry.run({ args: ['fraud-api', 'in', 'prod'], number: 7 });
    expect(api.pendingMocks()).toEqual([]);
  });
});

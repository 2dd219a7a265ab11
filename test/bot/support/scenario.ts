/**
 * The setting of a bot test: a local bare remote holding the valid org on `main`, the fake GitHub
 * (team fraud-ml = bob), one bot instance, and helpers to open and push pull requests and to
 * deliver real payloads.
 */
import nock from 'nock';
import type { BotDependencies } from '../../../bot/bot-dependencies.ts';
import { type BotInstance, startBot, TARGET } from './bot-harness.ts';
import { validOrg } from './config-fixture.ts';
import { FakeGitHub } from './fake-github.ts';
import { GitRemote } from './git-remote.ts';
import { type PullRequestFields, pullRequestPayload, reviewPayload } from './webhook-payloads.ts';

/** A running scenario. */
export interface Scenario {
  readonly remote: GitRemote;
  readonly github: FakeGitHub;
  readonly bot: BotInstance;
  readonly base: string;
  /** Commits `files` on `parent` (default: base) as PR `number`'s head, on the remote and in the fake. */
  push(files: Record<string, string | null>, options?: { number?: number; parent?: string }): Promise<string>;
  /** The payload fields of PR `number` at `head`. */
  fields(head: string, number?: number): PullRequestFields;
  /** Delivers `pull_request.<action>` for PR `number` at `head` to `bot` (default: the scenario's bot). */
  pullRequest(action: Parameters<typeof pullRequestPayload>[0], head: string, options?: { number?: number; bot?: BotInstance; id?: string }): Promise<void>;
  /** Adds a review in the fake and delivers `pull_request_review.<action>`. */
  review(login: string, state: 'APPROVED' | 'CHANGES_REQUESTED' | 'DISMISSED', commitId: string, options?: { number?: number; bot?: BotInstance }): Promise<void>;
  /** Starts another bot instance (a replica with its own cache and lock). */
  replica(overrides?: Partial<BotDependencies>): Promise<BotInstance>;
  close(): Promise<void>;
}

/** Sets up a scenario; `overrides` replace the bot's dependencies. */
export async function scenario(overrides: Partial<BotDependencies> = {}, files: Record<string, string> = validOrg()): Promise<Scenario> {
  nock.disableNetConnect();
  const remote = await GitRemote.create();
  const base = await remote.commit(files);
  await remote.setRef('refs/heads/main', base);
  const github = new FakeGitHub();
  github.teams['acme/fraud-ml'] = ['bob'];
  github.teams['acme/platform'] = ['pat'];
  const bot = await startBot(remote.cloneUrlTemplate, overrides);
  const replicas: BotInstance[] = [bot];
  const fields = (head: string, number = 7): PullRequestFields => ({ number, headSha: head, baseSha: base, baseRef: 'main', author: 'alice' });
  return {
    remote,
    github,
    bot,
    base,
    async push(changed, options = {}) {
      const number = options.number ?? 7;
      const head = await remote.commit(changed, options.parent ?? base);
      await remote.setRef(`refs/pull/${number}/head`, head);
      github.pulls.set(number, { number, state: 'open', headSha: head, baseSha: base, baseRef: 'main', author: 'alice' });
      return head;
    },
    fields,
    pullRequest: (action, head, options = {}) => (options.bot ?? bot).deliver('pull_request', pullRequestPayload(action, TARGET, fields(head, options.number)), options.id),
    async review(login, state, commitId, options = {}) {
      const number = options.number ?? 7;
      github.review(number, login, state, commitId);
      const head = github.pulls.get(number)!.headSha;
      await (options.bot ?? bot).deliver('pull_request_review', reviewPayload(state === 'DISMISSED' ? 'dismissed' : 'submitted', TARGET, fields(head, number), login));
    },
    async replica(replicaOverrides = {}) {
      const instance = await startBot(remote.cloneUrlTemplate, replicaOverrides);
      replicas.push(instance);
      return instance;
    },
    async close() {
      for (const instance of replicas) await instance.close();
      await remote.remove();
      nock.cleanAll();
      nock.enableNetConnect();
    },
  };
}

/**
 * A bot under test: a Probot built as production builds it (`botOctokit`, retries fast), loaded with
 * `createApp` and the test's dependencies (a clone cache and deploy repo clones on a temp folder reading
 * local bare remotes, a fixed clock, no write pacing), the fake GitHub, and payload helpers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { Probot } from 'probot';
import { createApp } from '../../../bot/app.ts';
import type { BotDependencies, HandledEvent } from '../../../bot/bot-dependencies.ts';
import { DeployTargets } from '../../../bot/deploy/deploy-targets.ts';
import { NO_PACING } from '../../../bot/forge/write-pacer.ts';
import { KeyedLock } from '../../../bot/git/keyed-lock.ts';
import { RepoCache } from '../../../bot/git/repo-cache.ts';
import { botOctokit } from '../../../bot/octokit/bot-octokit.ts';
import type { PayloadTarget } from './webhook-payloads.ts';

/** The clock of every bot test. */
export const TEST_NOW = new Date('2026-11-27T12:00:00Z');

/** One bot instance (a replica): its Probot, cache folder and handled events. */
export interface BotInstance {
  readonly probot: Probot;
  readonly handled: HandledEvent[];
  /** Delivers a webhook event as GitHub would (through Probot's webhooks, signature aside). */
  deliver(name: string, payload: Record<string, unknown>, id?: string): Promise<void>;
  close(): Promise<void>;
}

/** The repository and installation the tests use. */
export const TARGET: PayloadTarget = { owner: 'acme', repo: 'config', installationId: 42 };

let deliveries = 0;

/** Starts a bot instance reading `cloneUrlTemplate`; `overrides` replace dependencies. */
export async function startBot(cloneUrlTemplate: string, overrides: Partial<BotDependencies> = {}): Promise<BotInstance> {
  const cacheDir = await mkdtemp(join(tmpdir(), 'mlops-bot-cache-'));
  const handled: HandledEvent[] = [];
  const git = new RepoCache({ root: cacheDir, cloneUrlTemplate });
  const probot = new Probot({ githubToken: 'test-installation-token', Octokit: botOctokit({ retryAfterBaseMs: 1 }), logLevel: (process.env.BOT_TEST_LOG_LEVEL ?? 'fatal') as 'fatal' });
  await probot.load(
    createApp({
      git,
      deployTargets: new DeployTargets({ root: cacheDir, cloneUrlTemplate }),
      clock: () => TEST_NOW,
      pacer: NO_PACING,
      locks: new KeyedLock(),
      onEventHandled: (event) => handled.push(event),
      ...overrides,
    }),
  );
  return {
    probot,
    handled,
    deliver: (name, payload, id) => probot.receive({ id: id ?? `delivery-${++deliveries}`, name, payload } as never),
    close: async () => {
      await git.close();
      await rm(cacheDir, { recursive: true, force: true });
    },
  };
}

/** Fails the test when a route was installed but never used, then clears nock. */
export function assertAllMocksUsed(): string[] {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  return pending;
}

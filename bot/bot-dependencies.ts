/**
 * Everything the bot's handlers need, injectable: the git clone cache, the clock, the compiler, the
 * plan templates, the write pacer, the per-event forge and token, and the in-process lock. Production
 * uses `defaultDependencies()` (configured from the environment); tests and the benchmark replace
 * parts through `createApp(partial)`. Handlers added later (deploy, rollback…) take the same object,
 * so extend it here with optional members.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from 'probot';
import { readPlanTemplates } from '../compiler/cli/templates-source.ts';
import type { PlanTemplates } from '../compiler/plan/report/render-report.ts';
import { COMPILER, type CompilerCore } from './core/compiler-core.ts';
import { DeployTargets } from './deploy/deploy-targets.ts';
import type { Forge } from './forge/forge.ts';
import { octokitForge } from './forge/octokit-forge.ts';
import { intervalPacer, NO_PACING, type WritePacer } from './forge/write-pacer.ts';
import { KeyedLock } from './git/keyed-lock.ts';
import { type GitRepositoryCache, RepoCache } from './git/repo-cache.ts';

/** What the handlers are given. */
export interface BotDependencies {
  /** Clones per repository, fetched with the installation token. */
  readonly git: GitRepositoryCache;
  /** Today (waiver expiry). */
  readonly clock: () => Date;
  readonly compiler: CompilerCore;
  /** The plan report templates (read once). */
  readonly templates: () => Promise<PlanTemplates>;
  /** Paces content-creating requests per installation. */
  readonly pacer: WritePacer;
  /** The forge of one event (a fresh one per event: it counts that event's calls and writes). */
  readonly forgeFor: (context: Context) => Forge;
  /** The installation token git fetches with (never stored). */
  readonly tokenFor: (context: Context) => Promise<string | undefined>;
  /** Orders work on one pull request inside this process (replicas rely on GitHub and git instead). */
  readonly locks: KeyedLock;
  /** Leased deploy repo clones (under the same cache root, reached like config repos). */
  readonly deployTargets: DeployTargets;
  /** Prometheus base URL (`MLOPS_PROMETHEUS_URL`) for availability figures; without it only the trail is read. */
  readonly prometheusUrl?: string;
  /** Called after each handled event with the forge it used (metrics, the benchmark). */
  readonly onEventHandled?: (event: HandledEvent) => void;
}

/** One handled event, as reported to `onEventHandled`. */
export interface HandledEvent {
  readonly name: string;
  readonly outcome: string;
  readonly calls: number;
  readonly writes: number;
  readonly ms: number;
}

/** Settings read from the environment. */
export interface BotEnvironment {
  /** Folder of the clone cache. @default $TMPDIR/cirrus-mlops-bot */
  readonly MLOPS_BOT_CACHE_DIR?: string;
  /** Clone URL template (`{host}`, `{owner}`, `{repo}`). */
  readonly MLOPS_BOT_CLONE_URL?: string;
  /** GitHub Enterprise Server host name. */
  readonly GHE_HOST?: string;
  /** Milliseconds between writes per installation; `0` turns pacing off. @default 1000 */
  readonly MLOPS_BOT_WRITE_INTERVAL_MS?: string;
  /** Prometheus base URL for `/mlops report` and the phase gate. */
  readonly MLOPS_PROMETHEUS_URL?: string;
}

/** The installation token of an event's Octokit (app auth or a plain token). */
export async function installationToken(context: Context): Promise<string | undefined> {
  const auth = (await context.octokit.auth({ type: 'installation' })) as { token?: string };
  return auth.token;
}

/** The cache root, clone-URL template and host of `env` (config repos and deploy repos alike). */
export function cacheSettings(env: BotEnvironment): { root: string; cloneUrlTemplate?: string; host?: string } {
  return {
    root: env.MLOPS_BOT_CACHE_DIR ?? join(tmpdir(), 'cirrus-mlops-bot'),
    ...(env.MLOPS_BOT_CLONE_URL ? { cloneUrlTemplate: env.MLOPS_BOT_CLONE_URL } : {}),
    ...(env.GHE_HOST ? { host: env.GHE_HOST } : {}),
  };
}

/** The dependencies of production, configured from `env`, with `overrides` applied. */
export function defaultDependencies(overrides: Partial<BotDependencies> = {}, env: BotEnvironment = process.env as BotEnvironment): BotDependencies {
  const interval = Number(env.MLOPS_BOT_WRITE_INTERVAL_MS ?? '1000');
  const pacer = overrides.pacer ?? (Number.isFinite(interval) && interval > 0 ? intervalPacer(interval) : NO_PACING);
  let templates: Promise<PlanTemplates> | undefined;
  const remotes = cacheSettings(env);
  return {
    git: overrides.git ?? new RepoCache(remotes),
    deployTargets: overrides.deployTargets ?? new DeployTargets(remotes),
    clock: overrides.clock ?? (() => new Date()),
    compiler: overrides.compiler ?? COMPILER,
    templates:
      overrides.templates ??
      (() => {
        templates ??= readPlanTemplates();
        return templates;
      }),
    pacer,
    forgeFor: overrides.forgeFor ?? ((context) => octokitForge(context.octokit, { pacer, paceKey: String((context.payload as { installation?: { id?: number } }).installation?.id ?? 'default') })),
    tokenFor: overrides.tokenFor ?? installationToken,
    locks: overrides.locks ?? new KeyedLock(),
    ...((overrides.prometheusUrl ?? env.MLOPS_PROMETHEUS_URL) ? { prometheusUrl: overrides.prometheusUrl ?? env.MLOPS_PROMETHEUS_URL } : {}),
    ...(overrides.onEventHandled ? { onEventHandled: overrides.onEventHandled } : {}),
  };
}

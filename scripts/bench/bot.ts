/**
 * Benchmark: the GitHub App end to end — a `pull_request.opened` webhook received by Probot until every
 * check run and the sticky comment are sent — for a one-team change (a canary traffic shift) in a
 * synthetic org of 100 and of 1,000 teams. The remote is a local bare repository (each run pushes a
 * new head, so the fetch and the head's tree are real work); GitHub is the tests' fake behind nock,
 * answering at once; write pacing is off. Prints the median and p95 of the timed runs, the first
 * (cold) run, and the API calls and writes per event — and, as the machine may be loaded, a floor
 * measured in the same run after each event: the bare plan of the same base and head from in-memory
 * trees (what the bot cannot do without), with the bot's median as a multiple of it.
 * Run: `npm run bench -- bot` or `npx tsx scripts/bench/bot.ts [teams…] [--runs N]`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import nock from 'nock';
import { Probot } from 'probot';
import { createApp } from '../../bot/app.ts';
import { COMPILER } from '../../bot/core/compiler-core.ts';
import { isConfigLikePath } from '../../compiler/cli/fs-source.ts';
import type { SourceTree } from '../../compiler/load/source-tree.ts';
import { compareCodePoints } from '../../compiler/support/compare-code-points.ts';
import type { HandledEvent } from '../../bot/bot-dependencies.ts';
import { NO_PACING } from '../../bot/forge/write-pacer.ts';
import { RepoCache } from '../../bot/git/repo-cache.ts';
import { botOctokit } from '../../bot/octokit/bot-octokit.ts';
import { FakeGitHub } from '../../test/bot/support/fake-github.ts';
import { GitRemote } from '../../test/bot/support/git-remote.ts';
import { pullRequestPayload } from '../../test/bot/support/webhook-payloads.ts';
import { syntheticOrg, syntheticTeamName } from '../../test/support/synthetic-org.ts';
import { median } from './support/measure.ts';

/** Models per synthetic team (as in the plan benchmark). */
const MODELS_PER_TEAM = 3;

/** Figures of one org size. */
export interface BotBenchResult {
  readonly teams: number;
  readonly runs: number;
  readonly coldMs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly callsPerEvent: number;
  readonly writesPerEvent: number;
  readonly targetMs: number;
  /** Median of the floor: `plan(base, head)` of in-memory trees, timed after each event. */
  readonly floorMedianMs: number;
}

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

/** The synthetic org with its model cards as real files (the compiler checks that they exist). */
function orgFiles(teams: number): Record<string, string> {
  const files: Record<string, string> = syntheticOrg({ teams, modelsPerTeam: MODELS_PER_TEAM });
  for (const [path, text] of Object.entries(files)) {
    const folder = path.slice(0, path.lastIndexOf('/') + 1);
    for (const match of text.matchAll(/modelCard: (\S+)/g)) files[`${folder}${match[1]}`] = '# model card\n';
  }
  return files;
}

/** The in-memory tree of `files` as the bot reads it from git: config files as bytes, other files by path. */
function memoryTree(files: Readonly<Record<string, string>>): SourceTree {
  const encoder = new TextEncoder();
  const paths = Object.keys(files).sort(compareCodePoints);
  return { files: paths.filter(isConfigLikePath).map((path) => ({ path, content: encoder.encode(files[path]!) })), otherPaths: paths.filter((path) => !isConfigLikePath(path)) };
}

/** Times `runs` opened pull requests (after one cold run) in an org of `teams` teams. */
export async function measure(teams: number, runs: number, targetMs: number): Promise<BotBenchResult> {
  const remote = await GitRemote.create();
  const cacheDir = await mkdtemp(join(tmpdir(), 'mlops-bot-bench-'));
  const git = new RepoCache({ root: cacheDir, cloneUrlTemplate: remote.cloneUrlTemplate });
  const now = new Date('2026-11-27T00:00:00Z');
  nock.disableNetConnect();
  try {
    const baseFiles = orgFiles(teams);
    const baseTree = memoryTree(baseFiles);
    const base = await remote.commit(baseFiles, undefined, 'base');
    await remote.setRef('refs/heads/main', base);
    const path = `teams/${syntheticTeamName(Math.floor(teams / 2))}/mlops.yaml`;
    const before = syntheticOrg({ teams, modelsPerTeam: MODELS_PER_TEAM })[path]!;
    if (!before.includes('traffic: 10')) throw new Error(`${path} has no canary to shift`);
    const github = new FakeGitHub();
    github.install(['getPull', 'listCheckRuns', 'createCheckRun', 'listReviews', 'listComments', 'createComment', 'updateCheckRun'], () => nock('https://api.github.com'));
    const handled: HandledEvent[] = [];
    const probot = new Probot({ githubToken: 'bench-token', Octokit: botOctokit({ retryAfterBaseMs: 1 }), logLevel: 'fatal' });
    await probot.load(createApp({ git, clock: () => now, pacer: NO_PACING, onEventHandled: (event) => handled.push(event) }));
    const times: number[] = [];
    const floors: number[] = [];
    for (let run = 0; run <= runs; run++) {
      const number = 100 + run;
      const changed = before.replace('traffic: 10', `traffic: ${11 + (run % 9)}`);
      const head = await remote.commit({ [path]: changed }, base, `run ${run}`);
      await remote.setRef(`refs/pull/${number}/head`, head);
      github.pulls.set(number, { number, state: 'open', headSha: head, baseSha: base, baseRef: 'main', author: 'alice' });
      const payload = pullRequestPayload('opened', { owner: 'acme', repo: 'config', installationId: 1 }, { number, headSha: head, baseSha: base, baseRef: 'main', author: 'alice' });
      const started = performance.now();
      await probot.receive({ id: `bench-${run}`, name: 'pull_request', payload } as never);
      times.push(performance.now() - started);
      const event = handled.at(-1);
      if (event?.outcome !== 'checked') throw new Error(`run ${run}: outcome ${event?.outcome}`);
      if (github.runs('mlops/validate', head)[0]?.conclusion !== 'success') throw new Error(`run ${run}: validate did not pass: ${github.runs('mlops/validate', head)[0]?.output.summary}`);
      // Unchanged files share their content with the base, as in the bot's blob memo.
      const headTree = { ...baseTree, files: baseTree.files.map((file) => (file.path === path ? { path, content: new TextEncoder().encode(changed) } : file)) };
      const floorStarted = performance.now();
      COMPILER.plan(baseTree, headTree, { now, author: 'alice' });
      floors.push(performance.now() - floorStarted);
    }
    const timed = times.slice(1);
    const events = handled.slice(1);
    return {
      teams,
      runs,
      coldMs: times[0]!,
      medianMs: median(timed),
      p95Ms: percentile(timed, 0.95),
      callsPerEvent: median(events.map((event) => event.calls)),
      writesPerEvent: median(events.map((event) => event.writes)),
      targetMs,
      floorMedianMs: median(floors.slice(1)),
    };
  } finally {
    await git.close();
    nock.cleanAll();
    nock.enableNetConnect();
    await rm(cacheDir, { recursive: true, force: true });
    await remote.remove();
  }
}

/** Formats the figures. */
export function formatResult(result: BotBenchResult): string {
  return [
    `bot: pull_request.opened → 3 check runs + sticky comment, one-team change in ${result.teams} teams (${result.teams * MODELS_PER_TEAM} models)`,
    `  median        ${result.medianMs.toFixed(0)} ms over ${result.runs} runs (target ≤ ${result.targetMs} ms)`,
    `  p95           ${result.p95Ms.toFixed(0)} ms`,
    `  cold          ${result.coldMs.toFixed(0)} ms (first event of the process)`,
    `  per event     ${result.callsPerEvent} API calls, ${result.writesPerEvent} writes (the same for any org size)`,
    `  floor         ${result.floorMedianMs.toFixed(0)} ms median: plan(base, head) of in-memory trees, same run; the bot takes ${(result.medianMs / result.floorMedianMs).toFixed(1)}× it, ${(result.medianMs - result.floorMedianMs).toFixed(0)} ms more`,
  ].join('\n');
}

/** Runs the benchmark: 100 teams (target 300 ms) and 1,000 teams (target 1 s). */
export async function run(sizes: readonly number[] = [100, 1000], runs = 9): Promise<BotBenchResult[]> {
  const results: BotBenchResult[] = [];
  for (const teams of sizes) {
    const result = await measure(teams, runs, teams <= 100 ? 300 : 1000);
    console.log(formatResult(result));
    results.push(result);
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 9;
  const sizes = args.filter((_, index) => index !== runsAt && index !== runsAt + 1).map(Number);
  await run(sizes.length > 0 ? sizes : undefined, runs);
}

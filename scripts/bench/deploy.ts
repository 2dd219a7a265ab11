/**
 * Benchmark: merge of a one-team change (a canary traffic shift) in a 1,000-team synthetic org →
 * deploy commit pushed to a local bare deploy repo, the way the bot does it (a persistent cache clone
 * of the deploy repo; the config repo read with git), incrementally — against the full render of the
 * same org into an empty deploy repo, measured in the same run. Real git repos in a temp dir.
 * Run: `npx tsx scripts/bench/deploy.ts [teams] [--runs N]` or `npm run bench -- deploy`.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LocalConfigSource } from '../../compiler/cli/deploy/config-source.ts';
import { git } from '../../compiler/cli/deploy/git-command.ts';
import { GitDeployTarget } from '../../compiler/cli/deploy/git-deploy-target.ts';
import { type DeployRunResult, runDeploy } from '../../compiler/cli/deploy/run-deploy.ts';
import { syntheticOrg, syntheticOrgTree, syntheticTeamName } from '../../test/support/synthetic-org.ts';
import { median, timedAsync } from './support/measure.ts';

/** Models per synthetic team (as in the plan benchmark). */
export const MODELS_PER_TEAM = 3;

/**
 * CPU seconds used so far by this process and its finished children (git): on a shared machine the
 * wall time of a deploy mostly measures the queue for a core; the CPU time measures the work.
 */
function cpuMs(): number {
  const self = process.cpuUsage();
  let children = 0;
  try {
    // /proc/self/stat fields 16 and 17: cutime and cstime of waited-for children, in clock ticks (100 Hz).
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    children = (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    children = Number.NaN;
  }
  return (self.user + self.system) / 1000 + children;
}

/** Figures of one run. */
export interface DeployBenchResult {
  readonly teams: number;
  readonly files: number;
  readonly fullMs: number;
  readonly incrementalMedianMs: number;
  /** CPU time (this process and its git children) of an incremental deploy, median. */
  readonly incrementalCpuMs: number;
  readonly incrementalColdMs: number;
  readonly writtenPerDeploy: number;
  /** Median milliseconds per phase of the incremental deploys. */
  readonly phases: Readonly<Record<string, number>>;
}

const IDENTITY = ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false'];

async function commitFiles(dir: string, files: Readonly<Record<string, string>>, message: string): Promise<string> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  await git(dir, ['add', '-A']);
  await git(dir, [...IDENTITY, 'commit', '--quiet', '-m', message]);
  return (await git(dir, ['rev-parse', 'HEAD'])).toString().trim();
}

function expectDeployed(result: DeployRunResult): Extract<DeployRunResult, { status: 'deployed' }> {
  if (result.status !== 'deployed') throw new Error(`expected a deploy, got ${result.status}${result.status === 'refused' ? `: ${result.entry.message}` : ''}`);
  return result;
}

/** Deploys a one-team change in an org of `teams` teams `runs` times (plus a cold run), and the full render once. */
export async function measure(teams: number, runs: number): Promise<DeployBenchResult> {
  const root = await mkdtemp(join(tmpdir(), 'mlops-bench-deploy-'));
  try {
    const configDir = join(root, 'config');
    await mkdir(configDir);
    await git(configDir, ['init', '--quiet', '--initial-branch=main']);
    const org = syntheticOrg({ teams, modelsPerTeam: MODELS_PER_TEAM });
    // The model cards the versions name, as empty files (the built-in policies check they exist).
    const cards = Object.fromEntries((syntheticOrgTree({ teams, modelsPerTeam: MODELS_PER_TEAM }).otherPaths ?? []).map((card) => [card, '']));
    const first = await commitFiles(configDir, { ...org, ...cards }, 'initial');
    const source = new LocalConfigSource(configDir);
    const metadata = (sha: string) => ({ sourceRepo: 'acme/config', sha, reviews: [], actor: 'bench', time: '2026-12-02T08:00:00.000Z' });
    const newTarget = async (name: string) => {
      const bare = join(root, `${name}.git`);
      await git(root, ['init', '--quiet', '--bare', '--initial-branch=main', bare]);
      return new GitDeployTarget({ url: bare, branch: 'main', cacheDir: join(root, `${name}-cache`) });
    };
    // The full render: everything, into an empty deploy repo.
    const full = await timedAsync(async () => expectDeployed(await runDeploy({ source, target: await newTarget('full'), metadata: metadata(first) })));
    // Incremental: the same deploy repo, one team's canary shifted per merge.
    const target = await newTarget('deploy');
    expectDeployed(await runDeploy({ source, target, metadata: metadata(first) }));
    const path = `teams/${syntheticTeamName(Math.floor(teams / 2))}/mlops.yaml`;
    const original = org[path];
    if (!original?.includes('traffic: 10')) throw new Error(`${path} has no canary to shift`);
    const times: number[] = [];
    const cpu: number[] = [];
    const phases = new Map<string, number[]>();
    let written = 0;
    for (let index = 0; index <= runs; index++) {
      const sha = await commitFiles(configDir, { [path]: original.replace('traffic: 10', `traffic: ${11 + (index % 9)}`) }, `shift ${index}`);
      const spent = new Map<string, number>();
      const onPhase = (phase: string, ms: number) => spent.set(phase, (spent.get(phase) ?? 0) + ms);
      const cpuBefore = cpuMs();
      const { value, ms } = await timedAsync(async () => expectDeployed(await runDeploy({ source, target, metadata: metadata(sha), onPhase })));
      if (index > 0) cpu.push(cpuMs() - cpuBefore);
      if (index > 0) for (const [phase, phaseMs] of spent) phases.set(phase, [...(phases.get(phase) ?? []), phaseMs]);
      if (!value.incremental) throw new Error('the deploy was not incremental');
      written = value.files.written;
      times.push(ms);
    }
    const phaseMedians = Object.fromEntries([...phases].map(([phase, values]) => [phase, median(values)]));
    return { teams, files: full.value.files.written, fullMs: full.ms, incrementalColdMs: times[0]!, incrementalMedianMs: median(times.slice(1)), incrementalCpuMs: median(cpu), writtenPerDeploy: written, phases: phaseMedians };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Formats the figures. */
export function formatResult(result: DeployBenchResult): string {
  return [
    `deploy: one-team canary shift in ${result.teams} teams (${result.teams * MODELS_PER_TEAM} models, ${result.files} generated files) → deploy commit pushed to a local bare repo`,
    `  incremental deploy, median   ${result.incrementalMedianMs.toFixed(0)} ms (target ≤ 2000 ms; ${result.writtenPerDeploy} files written)`,
    `  incremental deploy, CPU      ${result.incrementalCpuMs.toFixed(0)} ms (this process + git; the machine's load inflates wall time)`,
    `  incremental deploy, first    ${result.incrementalColdMs.toFixed(0)} ms`,
    `  full render + deploy         ${result.fullMs.toFixed(0)} ms`,
    `  full / incremental           ${(result.fullMs / result.incrementalMedianMs).toFixed(1)}×`,
    `  incremental, by phase        ${Object.entries(result.phases).map(([phase, ms]) => `${phase} ${ms.toFixed(0)} ms`).join(', ')}`,
  ].join('\n');
}

/** Runs the benchmark (default 1,000 teams, 5 timed incremental runs after the first). */
export async function run(teams = 1000, runs = 5): Promise<DeployBenchResult> {
  const result = await measure(teams, runs);
  console.log(formatResult(result));
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
  const teams = args.filter((_, index) => index !== runsAt && index !== runsAt + 1).map(Number)[0];
  await run(teams, runs);
}

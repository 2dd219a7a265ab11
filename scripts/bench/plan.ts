/**
 * Benchmark: plan a one-team change (a canary traffic shift) in a 1,000-team synthetic repo, the way a
 * PR check does — incrementally (platform.yaml plus the changed team, on both sides) — and compare it
 * in the same run with one full compile of the head (a full plan costs two). Policies are
 * off, as in the compile benchmark: synthetic orgs are not policy-clean, and a plan of an invalid head
 * has no resource diff to time.
 * Run: `npx tsx scripts/bench/plan.ts [teams] [--runs N]` or `npm run bench -- plan`.
 */
import { pathToFileURL } from 'node:url';
import { compile } from '../../compiler/pipeline.ts';
import { plan } from '../../compiler/plan/plan.ts';
import { syntheticOrgTree, syntheticTeamName } from '../../test/support/synthetic-org.ts';
import { median, timed } from './support/measure.ts';

/** Models per synthetic team. */
export const MODELS_PER_TEAM = 3;

/** Figures of one run. */
export interface PlanBenchResult {
  readonly teams: number;
  readonly changedFiles: number;
  /** The first plan, before the JIT has warmed up (what a one-shot CLI run pays). */
  readonly incrementalColdMs: number;
  readonly incrementalMedianMs: number;
  readonly fullCompileMs: number;
}

/** Plans a one-team change in an org of `teams` teams. */
export function measure(teams: number, runs: number): PlanBenchResult {
  const base = syntheticOrgTree({ teams, modelsPerTeam: MODELS_PER_TEAM });
  const path = `teams/${syntheticTeamName(Math.floor(teams / 2))}/mlops.yaml`;
  const before = base.files.find((file) => file.path === path)?.content;
  if (typeof before !== 'string' || !before.includes('traffic: 10')) throw new Error(`${path} has no canary to shift`);
  const head = { ...base, files: base.files.map((file) => (file.path === path ? { path, content: before.replace('traffic: 10', 'traffic: 15') } : file)) };
  const now = new Date('2026-11-27T00:00:00Z');
  const compileOptions = {};
  const times: number[] = [];
  let changedFiles = 0;
  for (let index = 0; index <= runs; index++) {
    const { value, ms } = timed(() => plan(base, head, { now, compileOptions }));
    if (value.status !== 'ok' || !value.scope.incremental || value.resources.length === 0) throw new Error(`unexpected plan: ${value.status}, incremental ${value.scope.incremental}; ${value.diagnostics.head.slice(0, 3).map((diagnostic) => diagnostic.message).join('; ')}`);
    changedFiles = value.resources.length;
    times.push(ms);
  }
  const fullCompile = timed(() => compile(head, { now, ...compileOptions }));
  if (fullCompile.value.files.length === 0) throw new Error('the full compile failed');
  return { teams, changedFiles, incrementalColdMs: times[0]!, incrementalMedianMs: median(times.slice(1)), fullCompileMs: fullCompile.ms };
}

/** Formats the figures. */
export function formatResult(result: PlanBenchResult): string {
  return [
    `plan: one-team canary shift in ${result.teams} teams (${result.teams * MODELS_PER_TEAM} models) → ${result.changedFiles} changed files`,
    `  incremental plan, median    ${result.incrementalMedianMs.toFixed(0)} ms (target ≤ 1000 ms)`,
    `  incremental plan, cold      ${result.incrementalColdMs.toFixed(0)} ms (first run in the process)`,
    `  one full compile            ${result.fullCompileMs.toFixed(0)} ms (a full plan compiles twice)`,
    `  full compile / incremental  ${(result.fullCompileMs / result.incrementalMedianMs).toFixed(0)}×`,
  ].join('\n');
}

/** Runs the benchmark (default 1,000 teams, 9 timed incremental runs after the cold one). */
export async function run(teams = 1000, runs = 9): Promise<PlanBenchResult> {
  const result = measure(teams, runs);
  console.log(formatResult(result));
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 9;
  const teams = args.filter((_, index) => index !== runsAt && index !== runsAt + 1).map(Number)[0];
  await run(teams, runs);
}

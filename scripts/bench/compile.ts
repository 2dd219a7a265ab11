/**
 * Benchmark: compile synthetic orgs of 1,000 and 10,000 models (10 models per team) to rendered
 * manifests, and compare with the floor of merely serialising the same objects to YAML. Prints the
 * median wall time of several runs, peak RSS, the ratio to the serialisation floor and how time grows
 * from the small to the large org. Policies are off (this measures load → emit → render).
 * Run: `npx tsx scripts/bench/compile.ts [models…] [--runs N]`, e.g. `npx tsx scripts/bench/compile.ts 1000 10000`.
 */
import { pathToFileURL } from 'node:url';
import { sourceTreeFromRecord } from '../../compiler/load/source-tree.ts';
import { renderSortedObject } from '../../compiler/emit/render.ts';
import { compile } from '../../compiler/pipeline.ts';
import { syntheticOrg } from '../../test/support/synthetic-org.ts';

/** Models per synthetic team. */
export const MODELS_PER_TEAM = 10;

/** Figures for one org size. */
export interface CompileBenchResult {
  readonly models: number;
  readonly teams: number;
  readonly objects: number;
  readonly files: number;
  readonly outputMiB: number;
  readonly compileMedianMs: number;
  readonly serialiseFloorMedianMs: number;
  readonly ratioToFloor: number;
  readonly peakRssMiB: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function timed(action: () => void): number {
  const start = performance.now();
  action();
  return performance.now() - start;
}

/** Compiles an org of `models` models `runs` times (after a warm-up) and times the YAML floor alike. */
export function measure(models: number, runs: number): CompileBenchResult {
  const teams = Math.max(1, Math.round(models / MODELS_PER_TEAM));
  const tree = sourceTreeFromRecord(syntheticOrg({ teams, modelsPerTeam: MODELS_PER_TEAM }));
  // Files render on demand, so a compile is counted as done once every file's text has been produced.
  const compileAndRender = () => {
    const compiled = compile(tree, { policies: false });
    let bytes = 0;
    for (const file of compiled.files) bytes += file.content.length;
    return { compiled, bytes };
  };
  let { compiled: result, bytes } = compileAndRender();
  if (result.files.length === 0) throw new Error(`synthetic org did not compile: ${result.diagnostics.slice(0, 3).map((diagnostic) => diagnostic.message).join('; ')}`);
  const objects = result.manifests.map((manifest) => manifest.object);
  const compileTimes: number[] = [];
  const floorTimes: number[] = [];
  for (let index = 0; index < runs; index++) {
    compileTimes.push(
      timed(() => {
        ({ compiled: result, bytes } = compileAndRender());
      }),
    );
    floorTimes.push(
      timed(() => {
        for (const object of objects) renderSortedObject(object, 'yaml');
      }),
    );
  }
  const compileMedianMs = median(compileTimes);
  const serialiseFloorMedianMs = median(floorTimes);
  return {
    models,
    teams,
    objects: objects.length,
    files: result.files.length,
    outputMiB: bytes / 1024 / 1024,
    compileMedianMs,
    serialiseFloorMedianMs,
    ratioToFloor: compileMedianMs / serialiseFloorMedianMs,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

/** Formats one size's figures. */
export function formatResult(result: CompileBenchResult): string {
  return [
    `compile: ${result.models} models (${result.teams} teams) → ${result.objects} objects, ${result.files} files, ${result.outputMiB.toFixed(1)} MiB`,
    `  median wall time        ${result.compileMedianMs.toFixed(0)} ms`,
    `  YAML serialise floor    ${result.serialiseFloorMedianMs.toFixed(0)} ms`,
    `  ratio to floor          ${result.ratioToFloor.toFixed(2)}× (target ≤ 2×)`,
    `  peak RSS so far         ${result.peakRssMiB.toFixed(0)} MiB (target ≤ 1024 MiB)`,
  ].join('\n');
}

/** Runs the benchmark for each size (default 1,000 and 10,000 models) and prints the growth between them. */
export async function run(sizes: readonly number[] = [1000, 10000], runs = 3): Promise<CompileBenchResult[]> {
  const results: CompileBenchResult[] = [];
  for (const models of sizes) {
    const result = measure(models, runs);
    results.push(result);
    console.log(formatResult(result));
  }
  const [small, large] = [results[0], results.at(-1)];
  if (small && large && large !== small) {
    const growth = large.compileMedianMs / small.compileMedianMs;
    console.log(`  ${large.models / small.models}× the models cost ${growth.toFixed(2)}× the time (target ≤ ${((11 * large.models) / small.models / 10).toFixed(0)}×)`);
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
  const sizes = args.filter((_, index) => index !== runsAt && index !== runsAt + 1).map(Number);
  await run(sizes.length > 0 ? sizes : undefined, runs);
}

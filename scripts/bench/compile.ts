/**
 * Benchmark: compile synthetic orgs of 1,000 and 10,000 models (10 models per team) to rendered
 * manifests, and compare with the floor of merely serialising the same objects to YAML. Prints the
 * median wall time of several runs, peak RSS, the ratio to the serialisation floor and how time grows
 * from the small to the large org. Policies are off (this measures load → emit → render). Files render
 * on demand, so a compile counts as done once every file's text has been produced. The floor is our own
 * YAML emitter over the same objects; the `yaml` package's `stringify` is shown too, for scale.
 * Run: `npx tsx scripts/bench/compile.ts [models…] [--runs N]`, e.g. `npx tsx scripts/bench/compile.ts 1000 10000`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { renderSortedObject } from '../../compiler/emit/render.ts';
import { sourceTreeFromRecord } from '../../compiler/load/source-tree.ts';
import { type CompileResult, compile, validate } from '../../compiler/pipeline.ts';
import { syntheticOrg } from '../../test/support/synthetic-org.ts';
import { median, peakRssMiB, timeMs } from './support/measure.ts';

/** Models per synthetic team. */
export const MODELS_PER_TEAM = 10;

/** Every how-many-th object the `yaml` package floor is measured on (it is far slower than ours). */
export const YAML_PACKAGE_SAMPLE_STRIDE = 20;

/** Figures for one org size. */
export interface CompileBenchResult {
  readonly models: number;
  readonly teams: number;
  readonly objects: number;
  readonly files: number;
  readonly outputMiB: number;
  readonly compileMedianMs: number;
  /** Load, schema and semantic validation, resolve: the stages before emit. */
  readonly validateMedianMs: number;
  readonly serialiseFloorMedianMs: number;
  readonly ratioToFloor: number;
  /** `yaml` package `stringify` of the same objects, extrapolated from every 20th object. */
  readonly yamlPackageFloorMs: number;
  readonly peakRssMiB: number;
}

/**
 * Compiles an org of `models` models `runs` times and times the YAML floor on each run's objects. Only
 * one compile result is alive at a time, so peak RSS reflects one compile. Warm up first (see `run`).
 */
export function measure(models: number, runs: number): CompileBenchResult {
  const teams = Math.max(1, Math.round(models / MODELS_PER_TEAM));
  const tree = sourceTreeFromRecord(syntheticOrg({ teams, modelsPerTeam: MODELS_PER_TEAM }));
  const compileTimes: number[] = [];
  const floorTimes: number[] = [];
  const validateTimes: number[] = [];
  let last = { objects: 0, files: 0, bytes: 0, yamlPackageFloorMs: 0 };
  for (let index = 0; index < runs; index++) {
    validateTimes.push(timeMs(() => validate(tree)));
    let result: CompileResult | undefined;
    let bytes = 0;
    // Files render on demand, so a compile is counted as done once every file's text has been produced.
    compileTimes.push(
      timeMs(() => {
        result = compile(tree, { policies: false });
        for (const file of result.files) bytes += file.content.length;
      }),
    );
    if (!result || result.files.length === 0) throw new Error(`synthetic org did not compile: ${result?.diagnostics.slice(0, 3).map((diagnostic) => diagnostic.message).join('; ')}`);
    const objects = result.manifests.map((manifest) => manifest.object);
    floorTimes.push(
      timeMs(() => {
        for (const object of objects) renderSortedObject(object, 'yaml');
      }),
    );
    const sample = objects.filter((_, position) => position % YAML_PACKAGE_SAMPLE_STRIDE === 0);
    const yamlPackageFloorMs = timeMs(() => {
      for (const object of sample) stringify(object);
    }) * (objects.length / sample.length);
    last = { objects: objects.length, files: result.files.length, bytes, yamlPackageFloorMs };
    result = undefined;
  }
  const compileMedianMs = median(compileTimes);
  const serialiseFloorMedianMs = median(floorTimes);
  return {
    models,
    teams,
    objects: last.objects,
    files: last.files,
    outputMiB: last.bytes / 1024 / 1024,
    compileMedianMs,
    validateMedianMs: median(validateTimes),
    serialiseFloorMedianMs,
    ratioToFloor: compileMedianMs / serialiseFloorMedianMs,
    yamlPackageFloorMs: last.yamlPackageFloorMs,
    peakRssMiB: peakRssMiB(),
  };
}

/** Warms the JIT on a small org, then measures `models` (one size per process, so peak RSS is its own). */
export function measureFresh(models: number, runs: number): CompileBenchResult {
  measure(100, 1);
  return measure(models, runs);
}

/** Formats one size's figures. */
export function formatResult(result: CompileBenchResult): string {
  return [
    `compile: ${result.models} models (${result.teams} teams) → ${result.objects} objects, ${result.files} files, ${result.outputMiB.toFixed(1)} MiB`,
    `  median wall time        ${result.compileMedianMs.toFixed(0)} ms (load+validate+resolve ${result.validateMedianMs.toFixed(0)} ms, emit+render ${(result.compileMedianMs - result.validateMedianMs).toFixed(0)} ms)`,
    `  YAML serialise floor    ${result.serialiseFloorMedianMs.toFixed(0)} ms (our emitter)`,
    `  ratio to floor          ${result.ratioToFloor.toFixed(2)}× (target ≤ 2×); emit+render alone ${((result.compileMedianMs - result.validateMedianMs) / result.serialiseFloorMedianMs).toFixed(2)}×`,
    `  yaml.stringify floor    ${result.yamlPackageFloorMs.toFixed(0)} ms (yaml package, from every ${YAML_PACKAGE_SAMPLE_STRIDE}th object): ratio ${(result.compileMedianMs / result.yamlPackageFloorMs).toFixed(2)}×`,
    `  peak RSS                ${result.peakRssMiB.toFixed(0)} MiB (target ≤ 1024 MiB)`,
  ].join('\n');
}

/** Heap limit of the child processes: large orgs must finish even where they exceed the RSS target. */
export const CHILD_HEAP_MIB = 4096;

/** Measures one size in a child process and returns its figures. */
function measureInChild(models: number, runs: number): CompileBenchResult {
  const child = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${CHILD_HEAP_MIB}`, fileURLToPath(import.meta.url), '--child', String(models), '--runs', String(runs)], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`benchmark of ${models} models failed (exit ${child.status ?? child.signal})`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as CompileBenchResult;
}

/** Runs the benchmark for each size (default 1,000 and 10,000 models), each in its own process, and prints the growth between them. */
export async function run(sizes: readonly number[] = [1000, 10000], runs = 3): Promise<CompileBenchResult[]> {
  const results: CompileBenchResult[] = [];
  for (const models of sizes) {
    const result = measureInChild(models, runs);
    results.push(result);
    console.log(formatResult(result));
  }
  const [small, large] = [results[0], results.at(-1)];
  if (small && large && large !== small) {
    const growth = large.compileMedianMs / small.compileMedianMs;
    console.log(`  ${large.models / small.models}× the models cost ${growth.toFixed(2)}× the time (target ≤ ${((11 * large.models) / small.models / 10).toFixed(1)}×)`);
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const runs = Number(option('--runs') ?? 3);
  const child = option('--child');
  if (child) console.log(JSON.stringify(measureFresh(Number(child), runs)));
  else {
    const sizes = args.filter((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--')).map(Number);
    await run(sizes.length > 0 ? sizes : undefined, runs);
  }
}

/**
 * Benchmark: compile synthetic orgs of 1,000 and 10,000 models (10 models per team) to rendered
 * manifests, and compare with the floor of merely serialising the same objects to YAML. Prints the
 * median wall time of several runs, peak RSS, the ratio to the serialisation floor and how time grows
 * from the small to the large org. The compile is what `mlops compile` runs: streamed team × cluster by
 * team × cluster, policies on (the synthetic org is policy-clean), every file's text produced, minus the
 * disk writes, in a process whose heap growth is limited as the CLI's is (compiler/cli/heap-growth.ts),
 * with the files parsed on every core first as the CLI does (compiler/cli/parallel-parse/). The floor is our own YAML emitter over the same objects; the `yaml` package's
 * `stringify` is shown too, for scale.
 * Run: `npx tsx scripts/bench/compile.ts [models…] [--runs N]`, e.g. `npx tsx scripts/bench/compile.ts 1000 10000`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { limitHeapGrowth } from '../../compiler/cli/heap-growth.ts';
import { parseInParallel } from '../../compiler/cli/parallel-parse/parse-in-parallel.ts';
import { renderObject } from '../../compiler/emit/render.ts';
import { hasErrors } from '../../compiler/diagnostics/diagnostic.ts';
import type { SourceTree } from '../../compiler/load/source-tree.ts';
import { type CompileOptions, type CompileSummary, compileInBatches, validate } from '../../compiler/pipeline.ts';
import { syntheticOrgTree } from '../../test/support/synthetic-org.ts';
import { median, peakRssMiB, timedAsync, timeMs } from './support/measure.ts';

/** The day the benchmark compiles on (waiver expiry), fixed so runs compare. */
export const BENCH_NOW = new Date('2026-06-01T00:00:00Z');

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
  /** Median over runs of each run's compile time / floor time. */
  readonly ratioToFloor: number;
  /** Each run's compile time / floor time, in run order. */
  readonly ratiosToFloor: readonly number[];
  /** `yaml` package `stringify` of the same objects, extrapolated from every 20th object. */
  readonly yamlPackageFloorMs: number;
  readonly peakRssMiB: number;
}

/** Drains a streamed compile (every file's text produced, then released); returns bytes and counts. */
function drainCompile(tree: SourceTree, options: CompileOptions): { bytes: number; summary: CompileSummary } {
  const batches = compileInBatches(tree, options);
  let bytes = 0;
  let step = batches.next();
  for (; !step.done; step = batches.next()) for (const file of step.value.files) bytes += file.content.length;
  return { bytes, summary: step.value };
}

/** Compiles the way `mlops compile` does, minus the disk: files parsed on every core, then a streamed compile. */
async function compileLikeCli(tree: SourceTree, options: CompileOptions): Promise<{ bytes: number; summary: CompileSummary }> {
  const preparsed = await parseInParallel(tree);
  return drainCompile(tree, { ...options, preparsed });
}

/**
 * The serialisation floor of a compile's objects: the time our YAML emitter takes over exactly the
 * objects the compile emits, measured batch by batch (objects are not all held at once), plus the
 * `yaml` package's `stringify` over every 20th object, extrapolated.
 */
function measureFloor(tree: SourceTree, options: CompileOptions): { floorMs: number; yamlPackageFloorMs: number } {
  const batches = compileInBatches(tree, options);
  let floorMs = 0;
  let yamlPackageMs = 0;
  let objects = 0;
  let sampled = 0;
  for (let step = batches.next(); !step.done; step = batches.next()) {
    const batch = step.value.manifests.map((manifest) => manifest.object);
    floorMs += timeMs(() => {
      for (const object of batch) renderObject(object, 'yaml');
    });
    const sample = batch.filter((_, position) => (objects + position) % YAML_PACKAGE_SAMPLE_STRIDE === 0);
    yamlPackageMs += timeMs(() => {
      for (const object of sample) stringify(object);
    });
    objects += batch.length;
    sampled += sample.length;
  }
  return { floorMs, yamlPackageFloorMs: sampled === 0 ? 0 : (yamlPackageMs * objects) / sampled };
}

/**
 * Compiles an org of `models` models `runs` times as `mlops compile` does (streamed, policies on),
 * each time followed by the serialisation floor of the same objects. Warm up first (see `measureFresh`).
 */
export async function measure(models: number, runs: number): Promise<CompileBenchResult> {
  const teams = Math.max(1, Math.round(models / MODELS_PER_TEAM));
  const tree = syntheticOrgTree({ teams, modelsPerTeam: MODELS_PER_TEAM });
  const options: CompileOptions = { now: BENCH_NOW };
  const compileTimes: number[] = [];
  const validateTimes: number[] = [];
  const floors: { floorMs: number; yamlPackageFloorMs: number }[] = [];
  const ratios: number[] = [];
  let last = { objects: 0, files: 0, bytes: 0 };
  // Each run times a compile and, right after, the floor of the same objects: on a shared machine the
  // load drifts, so the ratio of each pair is steadier than the ratio of two medians taken minutes apart.
  for (let index = 0; index < runs; index++) {
    validateTimes.push((await timedAsync(async () => validate(tree, { preparsed: await parseInParallel(tree) }))).ms);
    const { value, ms } = await timedAsync(() => compileLikeCli(tree, options));
    compileTimes.push(ms);
    const { summary, bytes } = value;
    if (summary.files === 0 || hasErrors(summary.diagnostics)) throw new Error(`synthetic org did not compile: ${summary.diagnostics.slice(0, 3).map((diagnostic) => diagnostic.message).join('; ')}`);
    last = { objects: summary.objects, files: summary.files, bytes };
    const floor = measureFloor(tree, options);
    floors.push(floor);
    ratios.push(ms / floor.floorMs);
  }
  return {
    models,
    teams,
    objects: last.objects,
    files: last.files,
    outputMiB: last.bytes / 1024 / 1024,
    compileMedianMs: median(compileTimes),
    validateMedianMs: median(validateTimes),
    serialiseFloorMedianMs: median(floors.map((floor) => floor.floorMs)),
    ratioToFloor: median(ratios),
    ratiosToFloor: ratios,
    yamlPackageFloorMs: median(floors.map((floor) => floor.yamlPackageFloorMs)),
    peakRssMiB: peakRssMiB(),
  };
}

/** Peak memory of one compile in a fresh process. */
export interface MemoryBenchResult {
  /** Whether the process limited its heap growth as `mlops compile` does, or kept V8's default. */
  readonly heapGrowth: 'cli' | 'default';
  readonly peakRssMiB: number;
  readonly compileMs: number;
}

/** One compile after a small warm-up, reporting the process's peak RSS (the memory child's work). */
export async function measureMemory(models: number, heapGrowth: MemoryBenchResult['heapGrowth']): Promise<MemoryBenchResult> {
  if (heapGrowth === 'cli') limitHeapGrowth();
  await compileLikeCli(syntheticOrgTree({ teams: 10, modelsPerTeam: MODELS_PER_TEAM }), { now: BENCH_NOW });
  const tree = syntheticOrgTree({ teams: Math.max(1, Math.round(models / MODELS_PER_TEAM)), modelsPerTeam: MODELS_PER_TEAM });
  const { value, ms } = await timedAsync(() => compileLikeCli(tree, { now: BENCH_NOW }));
  if (hasErrors(value.summary.diagnostics)) throw new Error('synthetic org did not compile');
  return { heapGrowth, peakRssMiB: peakRssMiB(), compileMs: ms };
}

/** Warms the JIT on a small org, then measures `models` (one size per process, so peak RSS is its own). */
export async function measureFresh(models: number, runs: number): Promise<CompileBenchResult> {
  await measure(100, 1);
  return measure(models, runs);
}

/** Formats one size's figures. */
export function formatResult(result: CompileBenchResult): string {
  return [
    `compile: ${result.models} models (${result.teams} teams) → ${result.objects} objects, ${result.files} files, ${result.outputMiB.toFixed(1)} MiB`,
    `  median wall time        ${result.compileMedianMs.toFixed(0)} ms (load+validate+resolve ${result.validateMedianMs.toFixed(0)} ms, emit+render ${(result.compileMedianMs - result.validateMedianMs).toFixed(0)} ms)`,
    `  YAML serialise floor    ${result.serialiseFloorMedianMs.toFixed(0)} ms (our emitter)`,
    `  ratio to floor          ${result.ratioToFloor.toFixed(2)}× (median of the runs' ${result.ratiosToFloor.map((ratio) => ratio.toFixed(2)).join(', ')}; target ≤ 2×); emit+render alone ${((result.compileMedianMs - result.validateMedianMs) / result.serialiseFloorMedianMs).toFixed(2)}×`,
    `  yaml.stringify floor    ${result.yamlPackageFloorMs.toFixed(0)} ms (yaml package, from every ${YAML_PACKAGE_SAMPLE_STRIDE}th object): ratio ${(result.compileMedianMs / result.yamlPackageFloorMs).toFixed(2)}×`,
    `  peak RSS, timing runs   ${result.peakRssMiB.toFixed(0)} MiB (every run in one process)`,
  ].join('\n');
}

/** Formats the memory figures of one size: as the CLI runs, then with V8's default heap growth. */
export function formatMemory(results: readonly MemoryBenchResult[]): string {
  const [cli, unlimited] = results;
  if (!cli || !unlimited) return '';
  return [
    `  peak RSS, one compile   ${cli.peakRssMiB.toFixed(0)} MiB as mlops compile runs (old generation grows at most 1.5× past the live heap; target ≤ 1024 MiB)`,
    `                          ${unlimited.peakRssMiB.toFixed(0)} MiB with V8's default growth (up to ~4×), at ${(unlimited.compileMs / cli.compileMs).toFixed(2)}× the time`,
  ].join('\n');
}

/** Runs this script as a child process with `args` and parses the JSON it prints last. */
function runChild<T>(args: readonly string[]): T {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`benchmark child ${args.join(' ')} failed (exit ${child.status ?? child.signal})`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as T;
}

/** Measures one size's times in a child process. */
function measureInChild(models: number, runs: number): CompileBenchResult {
  return runChild<CompileBenchResult>(['--child', String(models), '--runs', String(runs)]);
}

/** Measures one compile's peak RSS in fresh processes: as the CLI runs, then with V8's default heap growth. */
function measureMemoryInChildren(models: number): MemoryBenchResult[] {
  return (['cli', 'default'] as const).map((growth) => runChild<MemoryBenchResult>(['--child-memory', String(models), '--heap-growth', growth]));
}

/** Runs the benchmark for each size (default 1,000 and 10,000 models), each in its own process, and prints the growth between them. */
export async function run(sizes: readonly number[] = [1000, 10000], runs = 3): Promise<CompileBenchResult[]> {
  const results: CompileBenchResult[] = [];
  for (const models of sizes) {
    const result = measureInChild(models, runs);
    results.push(result);
    console.log(formatResult(result));
    console.log(formatMemory(measureMemoryInChildren(models)));
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
  const memoryChild = option('--child-memory');
  if (child) {
    limitHeapGrowth();
    console.log(JSON.stringify(await measureFresh(Number(child), runs)));
  } else if (memoryChild) console.log(JSON.stringify(await measureMemory(Number(memoryChild), option('--heap-growth') === 'default' ? 'default' : 'cli')));
  else {
    const sizes = args.filter((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--')).map(Number);
    await run(sizes.length > 0 ? sizes : undefined, runs);
  }
}

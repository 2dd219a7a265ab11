/**
 * Benchmark: how fast the built CLI (`bin/mlops.js`, compiled JavaScript in dist/) answers, against
 * bare Node (`node -e 0`). Rebuilds dist/ first so the figures are of the current sources, then runs
 * the cases round-robin (noise on a shared machine hits every case alike) and prints medians and the
 * ratios the issue sets as targets: `--version` ≤ 2× bare Node; `validate sample-repo` ≤ 0.4 s and
 * ≤ 5× bare Node; `compile sample-repo` ≤ 1 s. Run: `npm run bench -- startup [runs]` (default 15).
 * Beside wall time it reports each process's CPU time (user + system, every thread), which a busy
 * shared machine inflates much less than wall time: read the targets against both.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { copySampleRepo } from '../../test/packaging/support/sample-repo-copy.ts';
import { median } from './support/measure.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'bin/mlops.js');
/** Preloaded into every measured process (bare Node too): prints its CPU time to stderr at exit. */
const CPU_REPORTER_SOURCE = "process.on('exit', () => { const { user, system } = process.cpuUsage(); process.stderr.write('\\n@cpu ' + (user + system) / 1000 + '\\n'); });";
const CPU_REPORTER = `data:text/javascript,${encodeURIComponent(CPU_REPORTER_SOURCE)}`;

/** One measured command line. */
interface StartupCase {
  readonly name: string;
  readonly args: readonly string[];
  /** Untimed, before each run. */
  readonly before?: () => void;
}

/** Medians of one case, in milliseconds. */
export interface StartupMedian {
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** Medians by case name. */
export type StartupMedians = Readonly<Record<string, StartupMedian>>;

function timeRun(args: readonly string[]): { wallMs: number; cpuMs: number } {
  const start = performance.now();
  const child = spawnSync(process.execPath, ['--import', CPU_REPORTER, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wallMs = performance.now() - start;
  const cpu = /\n@cpu ([\d.]+)\n$/.exec(child.stderr);
  if (child.status !== 0 || !cpu) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return { wallMs, cpuMs: Number(cpu[1]) };
}

/** Builds dist/, then measures each case `runs` times round-robin after one warm-up round; returns medians. */
export function measure(runs = 15): StartupMedians {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  const out = mkdtempSync(join(tmpdir(), 'mlops-bench-startup-'));
  // A copy whose waiver is in force whatever the date (compile stops on a lapsed one).
  const sample = copySampleRepo(join(out, 'sample-repo'));
  const cases: StartupCase[] = [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: 'mlops --version', args: [bin, '--version'] },
    { name: 'mlops validate sample-repo', args: [bin, 'validate', sample] },
    // Into a fresh folder each run: the output of the previous run is removed untimed.
    { name: 'mlops compile sample-repo', args: [bin, 'compile', sample, '--out', join(out, 'manifests')], before: () => rmSync(join(out, 'manifests'), { recursive: true, force: true }) },
  ];
  try {
    const times = new Map(cases.map((entry) => [entry.name, { wall: [] as number[], cpu: [] as number[] }]));
    for (let round = 0; round <= runs; round += 1) {
      for (const entry of cases) {
        entry.before?.();
        const { wallMs, cpuMs } = timeRun(entry.args);
        if (round === 0) continue;
        times.get(entry.name)!.wall.push(wallMs);
        times.get(entry.name)!.cpu.push(cpuMs);
      }
    }
    return Object.fromEntries([...times].map(([name, values]) => [name, { wallMs: median(values.wall), cpuMs: median(values.cpu) }]));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Prints the medians, the ratios to bare Node and whether each target holds (on wall time, and on CPU time). */
export async function run(runs = 15): Promise<void> {
  const medians = measure(runs);
  const bare = medians['node -e 0']!;
  const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  console.log(`medians of ${runs} runs each, interleaved (Node ${process.version}):`);
  console.log(`  ${''.padEnd(28)} ${'wall'.padStart(8)} ${'ratio'.padStart(7)} ${'cpu'.padStart(8)} ${'ratio'.padStart(7)}`);
  for (const [name, { wallMs, cpuMs }] of Object.entries(medians)) {
    console.log(`  ${name.padEnd(28)} ${`${wallMs.toFixed(0)} ms`.padStart(8)} ${`${(wallMs / bare.wallMs).toFixed(2)}×`.padStart(7)} ${`${cpuMs.toFixed(0)} ms`.padStart(8)} ${`${(cpuMs / bare.cpuMs).toFixed(2)}×`.padStart(7)}`);
  }
  const version = medians['mlops --version']!;
  const validate = medians['mlops validate sample-repo']!;
  const compile = medians['mlops compile sample-repo']!;
  for (const [label, key] of [['wall', 'wallMs'], ['cpu', 'cpuMs']] as const) {
    console.log(`targets (${label} time):`);
    console.log(`  --version ≤ 2× bare Node:          ${(version[key] / bare[key]).toFixed(2)}×  ${verdict(version[key] <= 2 * bare[key])}`);
    console.log(`  validate ≤ 400 ms, ≤ 5× bare Node: ${validate[key].toFixed(0)} ms, ${(validate[key] / bare[key]).toFixed(2)}×  ${verdict(validate[key] <= 400 && validate[key] <= 5 * bare[key])}`);
    console.log(`  compile ≤ 1000 ms:                 ${compile[key].toFixed(0)} ms  ${verdict(compile[key] <= 1000)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runs = Number(process.argv[2] ?? 15);
  if (!Number.isInteger(runs) || runs < 10) throw new Error('runs must be a whole number ≥ 10');
  await run(runs);
}

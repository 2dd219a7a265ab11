/**
 * Benchmark: how fast the built CLI (`bin/mlops.js`, compiled JavaScript in dist/) answers, against
 * bare Node (`node -e 0`). Rebuilds dist/ first so the figures are of the current sources, then runs
 * the cases round-robin (noise on a shared machine hits every case alike) and prints medians and the
 * ratios the issue sets as targets: `--version` ≤ 2× bare Node; `validate sample-repo` ≤ 0.4 s and
 * ≤ 5× bare Node; `compile sample-repo` ≤ 1 s. Run: `npm run bench -- startup [runs]` (default 15).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './support/measure.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'bin/mlops.js');

/** One measured command line. */
interface StartupCase {
  readonly name: string;
  readonly args: readonly string[];
  /** Untimed, before each run. */
  readonly before?: () => void;
}

/** Median wall times, in milliseconds, by case name. */
export type StartupMedians = Readonly<Record<string, number>>;

function timeRun(args: readonly string[]): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return ms;
}

/** Builds dist/, then measures each case `runs` times round-robin after one warm-up round; returns medians. */
export function measure(runs = 15): StartupMedians {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  const out = mkdtempSync(join(tmpdir(), 'mlops-bench-startup-'));
  const cases: StartupCase[] = [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: 'mlops --version', args: [bin, '--version'] },
    { name: 'mlops validate sample-repo', args: [bin, 'validate', 'sample-repo'] },
    // Into a fresh folder each run: the output of the previous run is removed untimed.
    { name: 'mlops compile sample-repo', args: [bin, 'compile', 'sample-repo', '--out', join(out, 'manifests')], before: () => rmSync(join(out, 'manifests'), { recursive: true, force: true }) },
  ];
  try {
    const times = new Map(cases.map((entry) => [entry.name, [] as number[]]));
    for (let round = 0; round <= runs; round += 1) {
      for (const entry of cases) {
        entry.before?.();
        const ms = timeRun(entry.args);
        if (round > 0) times.get(entry.name)!.push(ms);
      }
    }
    return Object.fromEntries([...times].map(([name, values]) => [name, median(values)]));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Prints the medians, the ratios to bare Node and whether each target holds. */
export async function run(runs = 15): Promise<void> {
  const medians = measure(runs);
  const bare = medians['node -e 0']!;
  const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  console.log(`medians of ${runs} runs each, interleaved (Node ${process.version}):`);
  for (const [name, ms] of Object.entries(medians)) console.log(`  ${name.padEnd(28)} ${ms.toFixed(0).padStart(5)} ms  ${(ms / bare).toFixed(2)}× bare Node`);
  const version = medians['mlops --version']!;
  const validate = medians['mlops validate sample-repo']!;
  const compile = medians['mlops compile sample-repo']!;
  console.log('targets:');
  console.log(`  --version ≤ 2× bare Node:         ${(version / bare).toFixed(2)}×  ${verdict(version <= 2 * bare)}`);
  console.log(`  validate ≤ 400 ms, ≤ 5× bare Node: ${validate.toFixed(0)} ms, ${(validate / bare).toFixed(2)}×  ${verdict(validate <= 400 && validate <= 5 * bare)}`);
  console.log(`  compile ≤ 1000 ms:                ${compile.toFixed(0)} ms  ${verdict(compile <= 1000)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runs = Number(process.argv[2] ?? 15);
  if (!Number.isInteger(runs) || runs < 10) throw new Error('runs must be a whole number ≥ 10');
  await run(runs);
}

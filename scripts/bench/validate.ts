/**
 * Benchmark: validate a synthetic org (1,000 teams × 10 models by default) and compare with the
 * floors of merely parsing the same YAML texts, with js-yaml (the loader's fast path) and with `yaml`
 * (its full parser, used for files the fast path declines). Prints the median wall time of several runs, peak
 * RSS and the ratio to the parse floor. Run: `npx tsx scripts/bench/validate.ts [teams] [models] [runs]`.
 */
import { pathToFileURL } from 'node:url';
import { load } from 'js-yaml';
import { parse } from 'yaml';
import { sourceTreeFromRecord } from '../../compiler/load/source-tree.ts';
import { validate } from '../../compiler/pipeline.ts';
import { syntheticOrg } from '../../test/support/synthetic-org.ts';
import { median, peakRssMiB, timeMs } from './support/measure.ts';

/** Options of the benchmark. */
export interface ValidateBenchOptions {
  /** @default 1000 */
  readonly teams?: number;
  /** @default 10 */
  readonly modelsPerTeam?: number;
  /** Measured runs (after one warm-up). @default 3 */
  readonly runs?: number;
}

/** Figures of one benchmark. */
export interface ValidateBenchResult {
  readonly teams: number;
  readonly modelsPerTeam: number;
  readonly files: number;
  readonly bytes: number;
  readonly diagnostics: number;
  readonly validateMedianMs: number;
  /** `yaml.parse` of every text. */
  readonly parseFloorMedianMs: number;
  readonly ratioToParseFloor: number;
  /** js-yaml `load` of every text: the floor of the parser the loader uses. */
  readonly fastParseFloorMedianMs: number;
  readonly ratioToFastParseFloor: number;
  readonly peakRssMiB: number;
}

/** Measures, without printing. */
export function measure(options: ValidateBenchOptions = {}): ValidateBenchResult {
  const teams = options.teams ?? 1000;
  const modelsPerTeam = options.modelsPerTeam ?? 10;
  const runs = options.runs ?? 3;
  const files = syntheticOrg({ teams, modelsPerTeam });
  const texts = Object.values(files);
  const tree = sourceTreeFromRecord(files);
  let diagnostics = 0;
  const validateOnce = () => {
    diagnostics = validate(tree).diagnostics.length;
  };
  const parseOnce = () => {
    for (const text of texts) parse(text);
  };
  const fastParseOnce = () => {
    for (const text of texts) load(text);
  };
  validateOnce();
  parseOnce();
  fastParseOnce();
  const validateTimes: number[] = [];
  const parseTimes: number[] = [];
  const fastParseTimes: number[] = [];
  for (let index = 0; index < runs; index++) {
    validateTimes.push(timeMs(validateOnce));
    parseTimes.push(timeMs(parseOnce));
    fastParseTimes.push(timeMs(fastParseOnce));
  }
  const validateMedianMs = median(validateTimes);
  const parseFloorMedianMs = median(parseTimes);
  const fastParseFloorMedianMs = median(fastParseTimes);
  return {
    teams,
    modelsPerTeam,
    files: texts.length,
    bytes: texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0),
    diagnostics,
    validateMedianMs,
    parseFloorMedianMs,
    ratioToParseFloor: validateMedianMs / parseFloorMedianMs,
    fastParseFloorMedianMs,
    ratioToFastParseFloor: validateMedianMs / fastParseFloorMedianMs,
    peakRssMiB: peakRssMiB(),
  };
}

/** Formats the figures for a terminal. */
export function formatResult(result: ValidateBenchResult): string {
  return [
    `validate: ${result.teams} teams × ${result.modelsPerTeam} models (${result.files} files, ${(result.bytes / 1024 / 1024).toFixed(1)} MiB), ${result.diagnostics} diagnostics`,
    `  median wall time   ${result.validateMedianMs.toFixed(0)} ms`,
    `  js-yaml load floor ${result.fastParseFloorMedianMs.toFixed(0)} ms   validate / floor ${result.ratioToFastParseFloor.toFixed(2)}×`,
    `  yaml.parse floor   ${result.parseFloorMedianMs.toFixed(0)} ms   validate / floor ${result.ratioToParseFloor.toFixed(2)}×`,
    `  peak RSS           ${result.peakRssMiB.toFixed(0)} MiB`,
  ].join('\n');
}

/** Runs the benchmark, prints its figures and returns them (the `npm run bench` entry). */
export async function run(options: ValidateBenchOptions = {}): Promise<ValidateBenchResult> {
  const result = measure(options);
  console.log(formatResult(result));
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [teams, models, runs] = process.argv.slice(2).map(Number);
  await run({ ...(teams ? { teams } : {}), ...(models ? { modelsPerTeam: models } : {}), ...(runs ? { runs } : {}) });
}

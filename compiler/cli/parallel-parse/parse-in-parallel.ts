/**
 * Parses a large config tree on every core: YAML parsing is most of validation (a 10,000-model org
 * is 27 MiB of YAML, ~3.3 s to parse on one thread) and each file parses on its own. This thread and
 * the workers claim files from one shared counter, so a worker that starts late just takes fewer;
 * this thread then takes over the workers' results (their values are copied, their events moved).
 * A file a worker did not parse is parsed by `validate` as usual, so the result never depends on
 * the threads. Small trees are parsed in place: a worker costs more to start than they take.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DEFAULT_PARSE_LIMITS, type FastParse, type ParseLimits, parseFileFast } from '../../load/parse-file.ts';
import { type SourceTree, sourceBytes } from '../../load/source-tree.ts';
import { workerEntry } from '../package-layout.ts';
import { forEachClaimedFile } from './claim-files.ts';
import type { ParseWorkerData, ParseWorkerResult } from './messages.ts';

/** Below this much config a tree is not worth a worker (starting one costs a few hundred milliseconds). */
export const PARALLEL_PARSE_MIN_BYTES = 4 * 1024 * 1024;

/** Options of `parseInParallel`. */
export interface ParallelParseOptions {
  readonly limits?: ParseLimits;
  /** Worker threads besides this one. @default one per further core, at most 3 */
  readonly workers?: number;
  /** Trees smaller than this are left to `validate`. @default PARALLEL_PARSE_MIN_BYTES */
  readonly minBytes?: number;
  /** Whether this thread parses too, rather than only waiting for the workers. @default true */
  readonly parseHere?: boolean;
}

/** The worker's module: compiled JavaScript, or from source an entry that registers tsx first. */
const ENTRY = workerEntry(new URL('./parse-worker.ts', import.meta.url), new URL('./entry.js', import.meta.url));

/** Waits for a worker's result; a worker that fails contributes nothing (its files are parsed later). */
function resultOf(worker: Worker): Promise<ParseWorkerResult['parsed']> {
  return new Promise((resolve) => {
    worker.once('message', (result: ParseWorkerResult) => resolve(result.parsed));
    worker.once('error', () => resolve([]));
    worker.once('exit', () => resolve([]));
  });
}

/**
 * Parses the files of `tree` by the fast path on this thread and on worker threads; returns the
 * results by path, for `validate(tree, { preparsed })`.
 */
export async function parseInParallel(tree: SourceTree, options: ParallelParseOptions = {}): Promise<Map<string, FastParse>> {
  const parsed = new Map<string, FastParse>();
  const workerCount = options.workers ?? Math.min(3, availableParallelism() - 1);
  if (workerCount < 1 || sourceBytes(tree) < (options.minBytes ?? PARALLEL_PARSE_MIN_BYTES)) return parsed;
  const limits = options.limits ?? DEFAULT_PARSE_LIMITS;
  const claim = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const data: ParseWorkerData = { files: tree.files, limits, claim };
  const workers = Array.from({ length: workerCount }, () => new Worker(ENTRY, { workerData: data }));
  const results = workers.map(resultOf);
  if (options.parseHere !== false) {
    forEachClaimedFile(claim, tree.files.length, (index) => {
      const file = tree.files[index]!;
      const fast = parseFileFast(file.content, limits);
      if (fast) parsed.set(file.path, fast);
    });
  }
  for (const result of await Promise.all(results)) for (const { path, value, events } of result) parsed.set(path, { value, events });
  return parsed;
}

/**
 * A parse worker: claims files from the shared counter, parses each by the fast path and, when none
 * are left, posts what it parsed (the events' buffers are transferred, not copied). Loaded through
 * `entry.js`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseFileFast } from '../../load/parse-file.ts';
import { forEachClaimedFile } from './claim-files.ts';
import type { ParseWorkerData, ParseWorkerResult } from './messages.ts';

if (!parentPort) throw new Error('bug: parallel-parse/parse-worker.ts runs only as a worker thread');
const { files, limits, claim } = workerData as ParseWorkerData;
const parsed: ParseWorkerResult['parsed'][number][] = [];
forEachClaimedFile(claim, files.length, (index) => {
  const file = files[index]!;
  const fast = parseFileFast(file.content, limits);
  if (fast) parsed.push({ path: file.path, ...fast });
});
parentPort.postMessage({ parsed } satisfies ParseWorkerResult, parsed.map((file) => file.events.buffer as ArrayBuffer));

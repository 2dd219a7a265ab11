/**
 * The writer thread: writes each batch's files with synchronous calls (no callback per file) and
 * acknowledges the batch. After a failure it writes nothing more and reports the failure once.
 * Loaded through `entry.js`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { WriteAck, WriteBatch, WriteFailure, WriteWorkerData } from './messages.ts';

if (!parentPort) throw new Error('bug: write-worker.ts runs only as a worker thread');
const port = parentPort;
const { root } = workerData as WriteWorkerData;
const madeFolders = new Set<string>();
let failed = false;

function failureOf(error: unknown): WriteFailure {
  const { message, code, syscall, path } = error as NodeJS.ErrnoException;
  return { message: String(message), ...(code ? { code } : {}), ...(syscall ? { syscall } : {}), ...(path ? { path } : {}) };
}

port.on('message', ({ files }: WriteBatch) => {
  let written = 0;
  let failure: WriteFailure | undefined;
  if (!failed) {
    try {
      for (const [relative, content] of files) {
        const path = join(root, relative);
        const folder = dirname(path);
        if (!madeFolders.has(folder)) {
          mkdirSync(folder, { recursive: true });
          madeFolders.add(folder);
        }
        writeFileSync(path, content);
        written++;
      }
    } catch (error) {
      failed = true;
      failure = failureOf(error);
    }
  }
  port.postMessage({ written, ...(failure ? { failure } : {}) } satisfies WriteAck);
});

/**
 * Writes output files on a writer thread. Node's asynchronous `writeFile` costs this thread an open,
 * a write and a close round trip per file; for the hundreds of thousands of files of a large org that
 * bookkeeping competed with the compile for the CPU. Here this thread renders each file's text and
 * posts a batch's texts to the writer thread, which writes them with synchronous calls on the other
 * core. At most `limit` batches are in flight, which bounds the text held.
 */
import { Worker } from 'node:worker_threads';
import type { OutputFile } from '../../emit/manifest.ts';
import { workerEntry } from '../package-layout.ts';
import { InFlight } from './in-flight.ts';
import type { OutputWriter } from './output-writer.ts';
import type { WriteAck, WriteBatch, WriteFailure, WriteWorkerData } from './write-worker/messages.ts';

/** Batches in flight by default: a few team × clusters' worth. */
export const DEFAULT_BATCHES_IN_FLIGHT = 8;

/** The writer thread's module: compiled JavaScript, or from source an entry that registers tsx first. */
const ENTRY = workerEntry(new URL('./write-worker/write-worker.ts', import.meta.url), new URL('./write-worker/entry.js', import.meta.url));

function errorOf(failure: WriteFailure): NodeJS.ErrnoException {
  return Object.assign(new Error(failure.message), failure.code ? { code: failure.code } : {}, failure.syscall ? { syscall: failure.syscall } : {}, failure.path ? { path: failure.path } : {});
}

/** A writer of files under `root` on its own thread (started on the first write, stopped by `flush` or `settle`). */
export class ThreadedFileWriter implements OutputWriter {
  private worker: Worker | undefined;
  private readonly inFlight: InFlight;
  private written = 0;

  constructor(
    private readonly root: string,
    limit = DEFAULT_BATCHES_IN_FLIGHT,
  ) {
    this.inFlight = new InFlight(limit);
  }

  async write(files: Iterable<OutputFile>): Promise<void> {
    this.inFlight.throwIfFailed();
    const batch: WriteBatch = { files: Array.from(files, (file) => [file.path, file.content] as const) };
    if (batch.files.length === 0) return;
    this.started().postMessage(batch);
    this.inFlight.started();
    await this.inFlight.room();
    this.inFlight.throwIfFailed();
  }

  async flush(): Promise<number> {
    await this.settle();
    this.inFlight.throwIfFailed();
    return this.written;
  }

  async settle(): Promise<void> {
    await this.inFlight.drained();
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(ENTRY, { workerData: { root: this.root } satisfies WriteWorkerData });
    worker.on('message', (ack: WriteAck) => {
      this.written += ack.written;
      this.inFlight.finished(ack.failure ? errorOf(ack.failure) : undefined);
    });
    // A writer thread that dies takes its batches with it: fail them all.
    worker.on('error', (error) => {
      while (this.inFlight.pending > 0) this.inFlight.finished(error as NodeJS.ErrnoException);
    });
    this.worker = worker;
    return worker;
  }
}

/**
 * Writes output files from this thread with many writes in flight: file text is rendered here and
 * handed to libuv's thread pool, so the disk works while the compiler builds the next batch. At most
 * `limit` files are in flight, which bounds the text held. Node's callback API is used: a promise per
 * file and a race over those in flight cost more than the writes. Used for small outputs; for large
 * ones, each write's round trips cost this thread more than a writer thread does
 * (threaded-file-writer.ts).
 */
import { mkdirSync, writeFile } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OutputFile } from '../../emit/manifest.ts';
import { InFlight } from './in-flight.ts';
import type { OutputWriter } from './output-writer.ts';

/** Files in flight by default: a few batches' worth (a team × cluster writes about a hundred). */
export const DEFAULT_WRITES_IN_FLIGHT = 256;

/** Writes files under one root folder; call `flush` before using the output. */
export class FileWriter implements OutputWriter {
  private readonly madeFolders = new Set<string>();
  private readonly inFlight: InFlight;
  private written = 0;

  constructor(
    private readonly root: string,
    limit = DEFAULT_WRITES_IN_FLIGHT,
  ) {
    this.inFlight = new InFlight(limit);
  }

  /** Queues `files`, waiting whenever `limit` writes are in flight. Rejects with the first write error. */
  async write(files: Iterable<OutputFile>): Promise<void> {
    for (const file of files) {
      this.inFlight.throwIfFailed();
      const path = join(this.root, file.path);
      const folder = dirname(path);
      if (!this.madeFolders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        this.madeFolders.add(folder);
      }
      this.inFlight.started();
      writeFile(path, file.content, (error) => {
        if (!error) this.written++;
        this.inFlight.finished(error);
      });
      await this.inFlight.room();
    }
    this.inFlight.throwIfFailed();
  }

  /** Waits for every write in flight; rejects with the first write error. Returns how many files were written. */
  async flush(): Promise<number> {
    await this.settle();
    this.inFlight.throwIfFailed();
    return this.written;
  }

  /** Waits for every write in flight, ignoring failures (before cleaning up after one). */
  async settle(): Promise<void> {
    await this.inFlight.drained();
  }
}

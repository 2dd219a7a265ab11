/**
 * Writes output files with many writes in flight: file text is rendered on the main thread and
 * handed to libuv's thread pool, so the disk works while the compiler builds the next batch. An org
 * writes hundreds of thousands of small files, where waiting for each write leaves the CPU idle.
 * At most `limit` files are in flight, which bounds the text held. Node's callback API is used: a
 * promise per file and a race over those in flight cost more than the writes.
 */
import { mkdirSync, writeFile } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OutputFile } from '../../emit/manifest.ts';
import type { OutputWriter } from './output-writer.ts';

/** Files in flight by default: a few batches' worth (a team × cluster writes about a hundred). */
export const DEFAULT_WRITES_IN_FLIGHT = 256;

/** Writes files under one root folder; call `flush` before using the output. */
export class FileWriter implements OutputWriter {
  private readonly madeFolders = new Set<string>();
  private inFlight = 0;
  private written = 0;
  private failure: NodeJS.ErrnoException | undefined;
  /** Resolves the caller waiting for a write to finish, if any. */
  private wake: (() => void) | undefined;

  constructor(
    private readonly root: string,
    private readonly limit = DEFAULT_WRITES_IN_FLIGHT,
  ) {}

  /** Queues `files`, waiting whenever `limit` writes are in flight. Rejects with the first write error. */
  async write(files: Iterable<OutputFile>): Promise<void> {
    for (const file of files) {
      this.throwIfFailed();
      const path = join(this.root, file.path);
      const folder = dirname(path);
      if (!this.madeFolders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        this.madeFolders.add(folder);
      }
      this.inFlight++;
      writeFile(path, file.content, (error) => this.finished(error));
      while (this.inFlight >= this.limit) await this.nextCompletion();
    }
    this.throwIfFailed();
  }

  /** Waits for every write in flight; rejects with the first write error. Returns how many files were written. */
  async flush(): Promise<number> {
    await this.settle();
    this.throwIfFailed();
    return this.written;
  }

  /** Waits for every write in flight, ignoring failures (before cleaning up after one). */
  async settle(): Promise<void> {
    while (this.inFlight > 0) await this.nextCompletion();
  }

  private finished(error: NodeJS.ErrnoException | null): void {
    this.inFlight--;
    if (error) this.failure ??= error;
    else this.written++;
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private nextCompletion(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}

/**
 * An output folder replaced atomically: files go to a temp folder beside it, created on the first
 * write, which `commit` swaps into place; `discard` removes it and leaves the folder as it was. A
 * compile that fails, finds errors or is retried never shows half an output, and a config that does
 * not validate (so writes nothing) creates no folder at all.
 */
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { lstat, mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { OutputFile } from '../../emit/manifest.ts';
import { FileWriter } from './file-writer.ts';
import type { OutputWriter } from './output-writer.ts';
import { ThreadedFileWriter } from './threaded-file-writer.ts';

/** Options of a staged output. */
export interface StagedOutputOptions {
  /** Write on a writer thread (for large outputs; see threaded-file-writer.ts). @default false */
  readonly threaded?: boolean;
}

/** The entry at `path` (not followed if a link), or undefined when there is none. */
export async function existingEntry(path: string): Promise<Stats | undefined> {
  return lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}

/** A replacement of the folder `out`, staged beside it until `commit`. */
export class StagedOutput {
  private readonly temp: string;
  private readonly old: string;
  private writer: OutputWriter | undefined;

  constructor(
    private readonly out: string,
    private readonly options: StagedOutputOptions = {},
  ) {
    const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
    this.temp = join(dirname(out), `.${basename(out)}.tmp-${suffix}`);
    this.old = join(dirname(out), `.${basename(out)}.old-${suffix}`);
  }

  /** Queues `files` for writing into the staged folder (creating it on first use). */
  async write(files: Iterable<OutputFile>): Promise<void> {
    if (!this.writer) {
      await mkdir(this.temp, { recursive: true });
      this.writer = this.options.threaded ? new ThreadedFileWriter(this.temp) : new FileWriter(this.temp);
    }
    await this.writer.write(files);
  }

  /** Waits for the writes in flight, then removes everything staged; the next write starts afresh. */
  async discard(): Promise<void> {
    const writer = this.writer;
    this.writer = undefined;
    await writer?.settle();
    await rm(this.temp, { recursive: true, force: true });
  }

  /**
   * Finishes the writes and swaps the staged folder into place of `out` (an empty folder when nothing
   * was written). On failure the staged folder is removed and `out` keeps its old content.
   */
  async commit(): Promise<void> {
    try {
      if (this.writer) await this.writer.flush();
      else await mkdir(this.temp, { recursive: true });
      const hadOutput = (await existingEntry(this.out)) !== undefined;
      if (hadOutput) await rename(this.out, this.old);
      try {
        await rename(this.temp, this.out);
      } catch (error) {
        if (hadOutput) await rename(this.old, this.out);
        throw error;
      }
      if (hadOutput) await rm(this.old, { recursive: true, force: true });
    } finally {
      await this.discard();
    }
  }
}

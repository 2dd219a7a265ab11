/** What the staged output writes through: in-thread callbacks for small outputs, a writer thread for large ones. */
import type { OutputFile } from '../../emit/manifest.ts';

/** Writes output files under one root folder; call `flush` before using the output. */
export interface OutputWriter {
  /** Queues `files` (reading each `content` once, on this thread), waiting when too much is in flight. Rejects with the first write error. */
  write(files: Iterable<OutputFile>): Promise<void>;
  /** Waits for every write in flight; rejects with the first write error. Returns how many files were written. */
  flush(): Promise<number>;
  /** Waits for every write in flight, ignoring failures (before cleaning up after one). */
  settle(): Promise<void>;
}

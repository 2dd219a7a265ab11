/** What the main thread and the writer thread exchange (plain data, structured clone). */

/** Given to the writer thread at start. */
export interface WriteWorkerData {
  /** Folder every path is relative to. */
  readonly root: string;
}

/** Main → writer: one batch of files, as [path, text] pairs. */
export interface WriteBatch {
  readonly files: readonly (readonly [path: string, content: string])[];
}

/** A write error as it crosses threads: what the CLI needs to report it as an I/O error. */
export interface WriteFailure {
  readonly message: string;
  readonly code?: string;
  readonly syscall?: string;
  readonly path?: string;
}

/** Writer → main, once per batch: how many of its files were written, and the first error if one failed. */
export interface WriteAck {
  readonly written: number;
  readonly failure?: WriteFailure;
}

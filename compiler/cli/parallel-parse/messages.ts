/** What the main thread and a parse worker exchange; all of it plain data (structured clone). */
import type { FastParse, ParseLimits } from '../../load/parse-file.ts';
import type { SourceFile } from '../../load/source-tree.ts';

/** Given to each parse worker at start. */
export interface ParseWorkerData {
  readonly files: readonly SourceFile[];
  readonly limits: ParseLimits;
  /** One Int32 shared by every thread: the index of the next unclaimed file. */
  readonly claim: SharedArrayBuffer;
}

/** A worker's answer, once every file is claimed: the files it parsed by the fast path. */
export interface ParseWorkerResult {
  readonly parsed: readonly (FastParse & { readonly path: string })[];
}

/** Files claimed at a time: few enough to share the work evenly, enough to keep the counter quiet. */
export const FILES_PER_CLAIM = 4;

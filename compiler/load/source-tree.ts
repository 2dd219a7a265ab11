/** The compiler's input: config file contents and the list of every path in the repo. */

/** One file handed to the compiler, as read by the shell (bytes, so encoding can be checked). */
export interface SourceFile {
  /** Path relative to the repo root, `/`-separated, e.g. `teams/fraud/mlops.yaml`. */
  readonly path: string;
  readonly content: string | Uint8Array;
}

/**
 * A config path the shell refused to read: a symbolic link resolving outside the repository, a FIFO,
 * socket or device (never opened), or a file over the size limit (never read). The loader reports it.
 */
export type RefusedFile =
  | { readonly path: string; readonly reason: 'outside-link'; readonly target: string }
  | { readonly path: string; readonly reason: 'special-file'; readonly kind: string }
  | { readonly path: string; readonly reason: 'too-large'; readonly size: number };

/** A config repo as the compiler sees it. */
export interface SourceTree {
  /** Config files with their contents (`platform.yaml`, `mlops.yaml`, `teams/<team>/mlops.yaml`). */
  readonly files: readonly SourceFile[];
  /** Every other file path in the repo (model cards, …), so rules can check that files exist. */
  readonly otherPaths?: readonly string[];
  /** Paths the shell would not read, and why. */
  readonly refused?: readonly RefusedFile[];
}

/** Builds a tree from an object of path → text, for tests and the demo. */
export function sourceTreeFromRecord(files: Readonly<Record<string, string>>, otherPaths: readonly string[] = []): SourceTree {
  return {
    files: Object.entries(files).map(([path, content]) => ({ path, content })),
    otherPaths,
  };
}

/** The size of a tree's config files, in bytes (UTF-16 code units for text given as strings). */
export function sourceBytes(tree: SourceTree): number {
  let bytes = 0;
  for (const file of tree.files) bytes += file.content.length;
  return bytes;
}

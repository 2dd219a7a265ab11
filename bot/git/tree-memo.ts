/**
 * A byte-bounded memo of config trees by commit SHA. A commit's tree never changes, so the memo only
 * saves work (the base branch's tree is read once for many pull requests) and never changes a result.
 */
import { type SourceTree, sourceBytes } from '../../compiler/load/source-tree.ts';

/** Least-recently-used trees up to a total size. */
export class TreeMemo {
  readonly #limitBytes: number;
  readonly #trees = new Map<string, { tree: Promise<SourceTree>; bytes: number }>();
  #bytes = 0;

  /** @param limitBytes total size of the config files kept. @default 64 MiB */
  constructor(limitBytes = 64 * 1024 * 1024) {
    this.#limitBytes = limitBytes;
  }

  /** The tree of `key`, read with `read` when not held (a failed read is not kept). */
  get(key: string, read: () => Promise<SourceTree>): Promise<SourceTree> {
    const held = this.#trees.get(key);
    if (held) {
      this.#trees.delete(key);
      this.#trees.set(key, held);
      return held.tree;
    }
    const entry = { tree: read(), bytes: 0 };
    this.#trees.set(key, entry);
    entry.tree.then(
      (tree) => {
        if (this.#trees.get(key) !== entry) return;
        entry.bytes = sourceBytes(tree);
        this.#bytes += entry.bytes;
        this.#evict();
      },
      () => {
        if (this.#trees.get(key) === entry) this.#trees.delete(key);
      },
    );
    return entry.tree;
  }

  #evict(): void {
    for (const [key, entry] of this.#trees) {
      if (this.#bytes <= this.#limitBytes || this.#trees.size <= 1) return;
      this.#trees.delete(key);
      this.#bytes -= entry.bytes;
    }
  }
}

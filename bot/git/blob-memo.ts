/**
 * Blob contents by object id, least recently used first out, up to a total size: a pull request's
 * head shares all but a few files with its base, so reading the head costs the changed blobs only.
 * A blob's content never changes, so the memo never changes a result.
 */
import type { BlobStore } from '../../compiler/cli/git-tree-source.ts';

/** A byte-bounded blob store. */
export class BlobMemo implements BlobStore {
  readonly #limitBytes: number;
  readonly #blobs = new Map<string, Uint8Array>();
  #bytes = 0;

  /** @param limitBytes total size kept. @default 64 MiB */
  constructor(limitBytes = 64 * 1024 * 1024) {
    this.#limitBytes = limitBytes;
  }

  get(oid: string): Uint8Array | undefined {
    const content = this.#blobs.get(oid);
    if (content) {
      this.#blobs.delete(oid);
      this.#blobs.set(oid, content);
    }
    return content;
  }

  set(oid: string, content: Uint8Array): void {
    if (this.#blobs.has(oid) || content.length > this.#limitBytes) return;
    this.#blobs.set(oid, content);
    this.#bytes += content.length;
    for (const [key, value] of this.#blobs) {
      if (this.#bytes <= this.#limitBytes) break;
      this.#blobs.delete(key);
      this.#bytes -= value.length;
    }
  }
}

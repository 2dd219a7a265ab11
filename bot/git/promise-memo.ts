/**
 * A least-recently-used memo of values read asynchronously, bounded by their total weight (bytes of a
 * config tree, entries of a git tree object). It holds values keyed by something that never changes
 * what it names (a commit SHA, an object id), so it only saves work and never changes a result. A read
 * in flight is shared by every caller of its key; a failed read is not kept. The newest value is kept
 * even when it alone weighs more than the limit.
 */

/** Values by key, least recently used first out, up to a total weight. */
export class PromiseMemo<T> {
  readonly #limit: number;
  readonly #weigh: (value: T) => number;
  readonly #held = new Map<string, { readonly value: Promise<T>; weight: number }>();
  #weight = 0;

  /** @param limit total weight kept; @param weigh the weight of one value. */
  constructor(limit: number, weigh: (value: T) => number) {
    this.#limit = limit;
    this.#weigh = weigh;
  }

  /** The value of `key`, read with `read` when not held. */
  get(key: string, read: () => Promise<T>): Promise<T> {
    const held = this.#held.get(key);
    if (held) {
      this.#held.delete(key);
      this.#held.set(key, held);
      return held.value;
    }
    const entry = { value: read(), weight: 0 };
    this.#held.set(key, entry);
    entry.value.then(
      (value) => {
        if (this.#held.get(key) !== entry) return;
        entry.weight = this.#weigh(value);
        this.#weight += entry.weight;
        this.#evict();
      },
      () => {
        if (this.#held.get(key) === entry) this.#held.delete(key);
      },
    );
    return entry.value;
  }

  #evict(): void {
    for (const [key, entry] of this.#held) {
      if (this.#weight <= this.#limit || this.#held.size <= 1) return;
      this.#held.delete(key);
      this.#weight -= entry.weight;
    }
  }
}

/**
 * An in-process lock per key (a repository, a pull request): tasks with the same key run one after
 * the other, tasks with different keys run in parallel. It only orders work inside one process;
 * correctness across replicas comes from GitHub and git (see docs/bot.md).
 */

/** Runs tasks one at a time per key. */
export class KeyedLock {
  readonly #tails = new Map<string, Promise<unknown>>();

  /** Runs `task` once every earlier task of `key` has settled; resolves or rejects with it. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }

  /** Keys with a task running or waiting (for tests and metrics). */
  get busyKeys(): number {
    return this.#tails.size;
  }
}

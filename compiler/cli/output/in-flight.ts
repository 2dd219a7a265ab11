/** Bookkeeping shared by the file writers: work in flight, waiting for room or for the end, and the first failure. */

/** Counts operations in flight under a limit and keeps the first failure. */
export class InFlight {
  private count = 0;
  private failure: NodeJS.ErrnoException | undefined;
  /** Resolves the one caller waiting for an operation to finish, if any. */
  private wake: (() => void) | undefined;

  constructor(private readonly limit: number) {}

  /** Operations started and not yet finished. */
  get pending(): number {
    return this.count;
  }

  /** Records that an operation started. */
  started(): void {
    this.count++;
  }

  /** Records that an operation finished, failing with `error` if given (the first failure is kept). */
  finished(error?: NodeJS.ErrnoException | null): void {
    this.count--;
    if (error) this.failure ??= error;
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Waits until fewer than `limit` operations are in flight. */
  async room(): Promise<void> {
    while (this.count >= this.limit) await this.nextFinish();
  }

  /** Waits until no operation is in flight. */
  async drained(): Promise<void> {
    while (this.count > 0) await this.nextFinish();
  }

  /** Throws the first failure, if any. */
  throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  private nextFinish(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }
}

/** Work sharing between threads: each claims the next few files from a shared counter until none are left. */
import { FILES_PER_CLAIM } from './messages.ts';

/** Calls `parse(index)` for every file index this thread claims, out of `count`. */
export function forEachClaimedFile(claim: SharedArrayBuffer, count: number, parse: (index: number) => void): void {
  const next = new Int32Array(claim);
  for (let start = Atomics.add(next, 0, FILES_PER_CLAIM); start < count; start = Atomics.add(next, 0, FILES_PER_CLAIM)) {
    const end = Math.min(start + FILES_PER_CLAIM, count);
    for (let index = start; index < end; index++) parse(index);
  }
}

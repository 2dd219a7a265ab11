/**
 * The first line of a run of trail lines that breaks the hash chain: malformed, a hash that does not
 * recompute (an edit), or a `seq`/`prev` that does not follow the line before. Readers that act on
 * the trail — promotion and rollback, the deploy's drift check — trust only the lines before it;
 * `verifyTrail` names every problem, this only the first. Hashes every line: use it where trust
 * matters, not for figures. Pure.
 */
import { entryHash, GENESIS_HASH } from './audit-entry.ts';
import type { TrailLine } from './parse-trail.ts';

/** Where the chain breaks. */
export interface ChainBreak {
  readonly file: string;
  readonly line: number;
  /** The sequence number of the breaking entry, when the line is one. */
  readonly seq?: number;
  /** One phrase. */
  readonly reason: string;
}

/**
 * The first breaking line of `lines`, or undefined. With `fromGenesis` the lines are the whole trail
 * (the first must be entry 1 after the genesis hash); without, they are its newest part (the first is
 * taken as it is).
 */
export function chainBreak(lines: readonly TrailLine[], fromGenesis: boolean): ChainBreak | undefined {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const entry = line.entry;
    if (!entry) return { file: line.file, line: line.line, reason: `not an audit entry (${line.error ?? 'unreadable'})` };
    if (entryHash(entry) !== entry.hash) return { file: line.file, line: line.line, seq: entry.seq, reason: `entry ${entry.seq} does not match its hash (edited or forged)` };
    const previous = index > 0 ? lines[index - 1]!.entry! : undefined;
    if (previous ? entry.seq !== previous.seq + 1 || entry.prev !== previous.hash : fromGenesis && (entry.seq !== 1 || entry.prev !== GENESIS_HASH)) {
      return { file: line.file, line: line.line, seq: entry.seq, reason: `entry ${entry.seq} does not chain to ${previous ? `entry ${previous.seq}` : 'the start of the trail'}` };
    }
  }
  return undefined;
}

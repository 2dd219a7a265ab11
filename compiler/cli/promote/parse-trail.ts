/**
 * A small reader of the audit trail for promotion and rollback (the full reader and `mlops audit
 * verify` live in compiler/audit/, built separately): the JSON Lines of `audit/*.jsonl`, in file order,
 * checked for shape and for an unbroken hash chain, so a tampered trail is never acted on.
 */
import { type AuditEntry, entryHash, GENESIS_HASH } from '../../audit/audit-entry.ts';
import { compareCodePoints } from '../../support/compare-code-points.ts';
import { UsageError } from '../command.ts';

/** One trail file: its path (`audit/2026-11.jsonl`) and text. */
export interface TrailFile {
  readonly path: string;
  readonly text: string;
}

function looksLikeEntry(value: unknown): value is AuditEntry {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const entry = value as Record<string, unknown>;
  const source = entry.source as Record<string, unknown> | undefined;
  const deploy = entry.deploy as Record<string, unknown> | undefined;
  return (
    typeof entry.seq === 'number' &&
    typeof entry.time === 'string' &&
    !Number.isNaN(Date.parse(entry.time)) &&
    typeof entry.event === 'string' &&
    typeof entry.hash === 'string' &&
    typeof entry.prev === 'string' &&
    typeof source?.sha === 'string' &&
    typeof deploy === 'object' &&
    Array.isArray(entry.changes)
  );
}

/** The entries of the trail files (sorted by path, i.e. by month); throws UsageError on a malformed line or a broken chain. */
export function parseTrail(files: readonly TrailFile[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const file of [...files].sort((a, b) => compareCodePoints(a.path, b.path))) {
    const lines = file.text.split('\n');
    for (const [index, line] of lines.entries()) {
      if (line.trim() === '') continue;
      const where = `${file.path}:${index + 1}`;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new UsageError(`${where} is not JSON; run \`mlops audit verify\`.`);
      }
      if (!looksLikeEntry(value)) throw new UsageError(`${where} is not an audit entry; run \`mlops audit verify\`.`);
      const previous = entries.at(-1);
      if (value.seq !== (previous?.seq ?? 0) + 1 || value.prev !== (previous?.hash ?? GENESIS_HASH) || value.hash !== entryHash(value)) {
        throw new UsageError(`The audit trail is broken at ${where} (seq ${value.seq}); run \`mlops audit verify\` before promoting or rolling back.`);
      }
      entries.push(value);
    }
  }
  return entries;
}

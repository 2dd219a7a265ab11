/**
 * Reads an audit trail: the monthly JSON Lines files (`audit/YYYY-MM.jsonl`) in name order, one entry
 * per line, each remembered with its file and line so that `verifyTrail` and `mlops audit log` can
 * name it. A line that is not a JSON object with the entry's basic shape is kept as malformed. Pure.
 */
import type { AuditEntry } from './audit-entry.ts';
import { compareCodePoints } from '../support/compare-code-points.ts';

/** One trail file as read by the shell. */
export interface TrailFile {
  /** Path in the deploy repo, e.g. `audit/2026-12.jsonl`. */
  readonly path: string;
  readonly content: string;
}

/** One line of the trail. */
export interface TrailLine {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** The line as stored (without its newline). */
  readonly text: string;
  /** The entry, when the line parses; undefined for a malformed line. */
  readonly entry?: AuditEntry;
  /** Why the line is malformed. */
  readonly error?: string;
}

/** Trail file names: one per month. */
const TRAIL_FILE = /^audit\/\d{4}-\d{2}\.jsonl$/;

/** True for a path that holds a month of the trail. */
export function isTrailFile(path: string): boolean {
  return TRAIL_FILE.test(path);
}

function shapeError(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const record = value as Record<string, unknown>;
  if (!Number.isSafeInteger(record.seq) || (record.seq as number) < 1) return '`seq` is not a positive integer';
  for (const key of ['time', 'event', 'actor', 'prev', 'hash'] as const) if (typeof record[key] !== 'string') return `\`${key}\` is not a string`;
  if (typeof record.source !== 'object' || record.source === null) return '`source` is not an object';
  for (const key of ['approvers', 'approvals', 'environments', 'teams', 'changes'] as const) if (!Array.isArray(record[key])) return `\`${key}\` is not a list`;
  return undefined;
}

/** Parses the trail files (sorted by path; other paths ignored) into lines, blank lines skipped. */
export function parseTrail(files: readonly TrailFile[]): TrailLine[] {
  const lines: TrailLine[] = [];
  for (const file of [...files].filter((candidate) => isTrailFile(candidate.path)).sort((a, b) => compareCodePoints(a.path, b.path))) {
    const texts = file.content.split('\n');
    for (const [index, text] of texts.entries()) {
      if (text.trim() === '') continue;
      const located = { file: file.path, line: index + 1, text };
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        lines.push({ ...located, error: 'not valid JSON' });
        continue;
      }
      const error = shapeError(value);
      lines.push(error ? { ...located, error } : { ...located, entry: value as AuditEntry });
    }
  }
  return lines;
}

/** The entries of parsed lines, in trail order (malformed lines left out). */
export function trailEntries(lines: readonly TrailLine[]): AuditEntry[] {
  return lines.flatMap((line) => (line.entry ? [line.entry] : []));
}

/** The last well-formed entry of a trail (the one a new entry chains after). */
export function lastEntry(lines: readonly TrailLine[]): AuditEntry | undefined {
  for (let index = lines.length - 1; index >= 0; index--) if (lines[index]!.entry) return lines[index]!.entry;
  return undefined;
}

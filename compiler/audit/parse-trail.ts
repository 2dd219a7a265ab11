/**
 * The one parser of the audit trail: the monthly JSON Lines files (`audit/YYYY-MM.jsonl`) in name
 * order, one entry per line, each remembered with its file and line so that every reader can name it
 * — `mlops audit verify`/`log`, the deploy's drift check, promotion and rollback (which also demand an
 * unbroken chain, see chain-break.ts) and the report (which orders entries for its figures). A line
 * that is not a JSON object with the entry's shape (entry-shape.ts) is kept as malformed. No hashing:
 * readers that must trust the chain check it. Pure.
 */
import type { AuditEntry } from './audit-entry.ts';
import { entryTime } from './entry-shape.ts';
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
  /** `Date.parse(entry.time)`, for a well-formed line. */
  readonly time?: number;
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

/** Why a line with the top-level shape of an entry is still not one. */
function deepShapeError(value: { time: string }): string {
  return Number.isNaN(Date.parse(value.time)) ? '`time` is not a date' : 'a member does not have the shape of an audit entry';
}

/**
 * Called for every non-blank line of the trail, in order: its file, 1-based line and text, and the
 * entry with its time (`Date.parse(entry.time)`) or why the line is not one.
 */
export type TrailLineVisitor = (file: string, line: number, text: string, entry: AuditEntry | undefined, time: number, error: string | undefined) => void;

/**
 * The parser itself: hands every non-blank line of the trail files (sorted by path; other paths
 * ignored) to `visit`. Readers that keep only entries (the report over 100,000 of them) use it
 * directly and keep nothing per line; `parseTrail` keeps every line.
 */
export function visitTrail(files: readonly TrailFile[], visit: TrailLineVisitor): void {
  for (const file of files.filter((candidate) => isTrailFile(candidate.path)).sort((a, b) => compareCodePoints(a.path, b.path))) {
    const texts = file.content.split('\n');
    for (let index = 0; index < texts.length; index++) {
      const text = texts[index]!;
      if (text === '' || text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        visit(file.path, index + 1, text, undefined, Number.NaN, 'not valid JSON');
        continue;
      }
      const time = entryTime(value);
      if (Number.isNaN(time)) visit(file.path, index + 1, text, undefined, time, shapeError(value) ?? deepShapeError(value as { time: string }));
      else visit(file.path, index + 1, text, value as AuditEntry, time, undefined);
    }
  }
}

/** Parses the trail files (sorted by path; other paths ignored) into located lines, blank lines skipped. */
export function parseTrail(files: readonly TrailFile[]): TrailLine[] {
  const lines: TrailLine[] = [];
  visitTrail(files, (file, line, text, entry, time, error) => lines.push(entry ? { file, line, text, entry, time } : { file, line, text, ...(error !== undefined ? { error } : {}) }));
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

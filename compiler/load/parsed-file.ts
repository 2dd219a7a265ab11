/**
 * A parsed config file: its text, line index, plain value, and a locator that turns a data path
 * (as ajv and the semantic checks speak it) into a source range.
 */
import type { LineCounter } from 'yaml';
import type { Position, SourceRange } from '../diagnostics/diagnostic.ts';

/** Which config a file holds, decided by its location. */
export type ConfigFileRole = 'platform' | 'team';

/** A path into a config value: keys and array indexes. */
export type DataPath = readonly (string | number)[];

/** Start and end character offsets, end exclusive. */
export type OffsetRange = readonly [number, number];

/**
 * Finds the node at a data path: its key (`target: 'key'`) or its value. When the path does not
 * exist (a missing key), it answers the deepest existing ancestor's key, so a "missing key"
 * diagnostic points at the mapping that lacks it.
 */
export interface NodeLocator {
  locate(path: DataPath, target: RangeTarget): OffsetRange;
}

/** A successfully parsed config file. */
export interface ParsedFile {
  readonly path: string;
  readonly role: ConfigFileRole;
  /** For team files under `teams/<folder>/`, the folder name. */
  readonly folder?: string;
  readonly text: string;
  readonly lineCounter: LineCounter;
  /** The plain JavaScript value of the document. */
  readonly value: unknown;
  readonly locator: NodeLocator;
}

/** Where on a node a range should point: its key (`name:`) or its value. */
export type RangeTarget = 'key' | 'value';

/** Converts a character offset to a 1-based line/column position. */
export function positionAt(file: Pick<ParsedFile, 'lineCounter' | 'text'>, offset: number): Position {
  const clamped = Math.max(0, Math.min(offset, file.text.length));
  const { line, col } = file.lineCounter.linePos(clamped);
  return { line, column: col, offset: clamped };
}

/** A range from two offsets. */
export function rangeFromOffsets(file: Pick<ParsedFile, 'lineCounter' | 'text'>, start: number, end: number): SourceRange {
  return { start: positionAt(file, start), end: positionAt(file, Math.max(start, end)) };
}

/** The range of the node at `path` (see NodeLocator for missing paths). */
export function rangeOf(file: ParsedFile, path: DataPath, target: RangeTarget = 'value'): SourceRange {
  const [start, end] = file.locator.locate(path, target);
  return rangeFromOffsets(file, start, end);
}

/** The whole-line text at a 1-based line, without its newline (for code frames). */
export function lineText(text: string, line: number): string {
  let start = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return '';
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
}

/**
 * Source mapping: where in the config a finding points. Findings on config objects carry a
 * SourceRef; findings on emitted objects use the object's SourceRef or its
 * `mlops.cirruslabs.io/source` annotation (`file:line`), narrowed to the key written on that line.
 */
import { type SourceRange, START_OF_FILE } from '../diagnostics/diagnostic.ts';
import { parseSourceAnnotation, SOURCE_ANNOTATION } from '../emit/labels.ts';
import type { Manifest } from '../emit/manifest.ts';
import { lineText, type ParsedFile, rangeFromOffsets } from '../load/parsed-file.ts';
import { locateSource } from '../resolve/resolve-org.ts';
import type { ResolvedOrg, SourceRef } from '../resolve/resolved-org.ts';

/** A file and a range in it. */
export interface SourceLocation {
  readonly file: string;
  readonly range: SourceRange;
}

function lineStartOffset(text: string, line: number): number | undefined {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return undefined;
    offset = next + 1;
  }
  return offset;
}

/** The range of the mapping key written on a 1-based line (the whole line's text when it has none). */
export function keyRangeOnLine(file: ParsedFile, line: number): SourceRange {
  const start = lineStartOffset(file.text, line);
  if (start === undefined) return START_OF_FILE;
  const text = lineText(file.text, line);
  const key = /^(\s*(?:-\s+)*)("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#:][^:#]*?)\s*:(?:\s|$)/.exec(text);
  if (key) return rangeFromOffsets(file, start + key[1]!.length, start + key[1]!.length + key[2]!.length);
  const indent = /^\s*(?:-\s+)?/.exec(text)![0].length;
  return rangeFromOffsets(file, start + indent, start + text.trimEnd().length);
}

function fallbackFile(org: ResolvedOrg, team: string): string {
  return org.teams.find((candidate) => candidate.name === team)?.file ?? org.platform.file ?? 'platform.yaml';
}

/** The location of a SourceRef: the key of the entry it names. */
export function locateRef(org: ResolvedOrg, ref: SourceRef): SourceLocation {
  return { file: ref.file, range: locateSource(org, ref) ?? START_OF_FILE };
}

/** The location an emitted object maps back to. */
export function locateManifest(org: ResolvedOrg, manifest: Manifest): SourceLocation {
  if (manifest.source) return locateRef(org, manifest.source);
  const annotation = parseSourceAnnotation(manifest.object.metadata.annotations?.[SOURCE_ANNOTATION]);
  if (!annotation) return { file: fallbackFile(org, manifest.team), range: START_OF_FILE };
  const file = org.files.get(annotation.file);
  if (!file || annotation.line === undefined) return { file: annotation.file, range: START_OF_FILE };
  return { file: annotation.file, range: keyRangeOnLine(file, annotation.line) };
}

/**
 * Where the baseline and the logged inputs are read from. A reader takes the URIs it `handles` (by
 * scheme) and yields their lines; the check picks the first reader that handles a URI, so a build can
 * add readers (an S3 reader, say) without touching the rest. See `drift/README.md` for what S3 needs.
 */
import { DriftCheckError, quote } from '../errors.ts';

/** One line of a source and where it came from (for messages: `file:line`, never a URL's query). */
export interface SourceLine {
  readonly text: string;
  readonly origin: string;
}

/** Reads the lines of the sources whose URI it handles. */
export interface SourceReader {
  /** Whether this reader reads `uri` (decided by its scheme alone). */
  handles(uri: string): boolean;
  /** The lines of the source in order; throws `DriftCheckError` when it cannot be read. */
  lines(uri: string): AsyncIterable<SourceLine>;
}

/** Longest line accepted, in characters (a hostile or corrupt source must not exhaust memory). */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

/** The scheme of a URI (`s3`, `https`), or undefined for a plain path. */
export function uriScheme(uri: string): string | undefined {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(uri);
  return match ? match[1]!.toLowerCase() : undefined;
}

/** A URI fit for messages: a URL without its query and fragment (presigned URLs carry secrets there). */
export function displayUri(uri: string): string {
  return uriScheme(uri) && uriScheme(uri) !== 'file' ? uri.replace(/[?#].*$/s, '') : uri;
}

/** The first reader that handles `uri`; a clear error when none does. */
export function readerFor(readers: readonly SourceReader[], uri: string): SourceReader {
  const reader = readers.find((candidate) => candidate.handles(uri));
  if (reader) return reader;
  const scheme = uriScheme(uri);
  const hint = scheme === 's3' || scheme === 'gs' ? ': this build reads local paths and http(s) URLs only — use a presigned https URL or mount the bucket (see drift/README.md, "S3")' : '';
  throw new DriftCheckError(`no reader for ${quote(displayUri(uri))}${hint}`);
}

/**
 * Splits a byte stream into UTF-8 lines (LF or CRLF; a final line without newline counts; empty lines are
 * skipped), numbering them for messages.
 */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>, name: string, maxLineLength = MAX_LINE_BYTES): AsyncIterable<SourceLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  let lineNumber = 0;
  const emit = function* (text: string): Iterable<SourceLine> {
    lineNumber++;
    const line = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (line.trim().length > 0) yield { text: line, origin: `${name}:${lineNumber}` };
  };
  try {
    for await (const chunk of chunks) {
      pending += decoder.decode(chunk, { stream: true });
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        yield* emit(pending.slice(0, newline));
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
      if (pending.length > maxLineLength) throw new DriftCheckError(`${name}:${lineNumber + 1}: line longer than ${maxLineLength} characters`);
    }
    pending += decoder.decode();
  } catch (error) {
    if (error instanceof TypeError) throw new DriftCheckError(`${name}:${lineNumber + 1}: not valid UTF-8`);
    throw error;
  }
  if (pending.length > 0) yield* emit(pending);
}

/**
 * Reads local sources: a file (`.gz` is gunzipped) or a directory, whose `*.jsonl`, `*.ndjson`,
 * `*.json` files (and their `.gz`) are read recursively in code-point order of their paths — the
 * layout of date-partitioned logs (`…/2026/12/02/10.jsonl`). `file://` URIs are accepted too.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { compareCodePoints } from '../compare.ts';
import { DriftCheckError, quote } from '../errors.ts';
import { type SourceLine, type SourceReader, splitLines, uriScheme } from './source-reader.ts';

const DATA_FILE = /\.(jsonl|ndjson|json)(\.gz)?$/;

async function dataFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) return dataFiles(path);
      return entry.isFile() && DATA_FILE.test(entry.name) ? [path] : [];
    }),
  );
  return nested.flat().sort(compareCodePoints);
}

/** Reads local files and directories (no scheme, or `file://`). */
export class LocalFileReader implements SourceReader {
  handles(uri: string): boolean {
    const scheme = uriScheme(uri);
    return scheme === undefined || scheme === 'file';
  }

  async *lines(uri: string): AsyncIterable<SourceLine> {
    const path = uriScheme(uri) === 'file' ? fileURLToPath(uri) : uri;
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw new DriftCheckError(`cannot read ${quote(path)}: ${error.code ?? error.message}`);
    });
    const files = info.isDirectory() ? await dataFiles(path) : [path];
    if (files.length === 0) throw new DriftCheckError(`${quote(path)} holds no .jsonl, .ndjson or .json file`);
    for (const file of files) {
      const stream = createReadStream(file);
      const bytes = file.endsWith('.gz') ? stream.pipe(createGunzip()) : stream;
      try {
        yield* splitLines(bytes, file);
      } catch (error) {
        if (error instanceof DriftCheckError) throw error;
        throw new DriftCheckError(`cannot read ${quote(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      } finally {
        stream.destroy();
      }
    }
  }
}

/**
 * Reads `http://` and `https://` sources with a GET (presigned object-store URLs work as they are).
 * The body is streamed line by line; `Content-Encoding: gzip` is undone by fetch. Messages show the URL
 * without its query, which may hold credentials.
 */
import { DriftCheckError, networkReason, quote } from '../errors.ts';
import { displayUri, type SourceLine, type SourceReader, splitLines, uriScheme } from './source-reader.ts';

/** Options of {@link HttpReader}. */
export interface HttpReaderOptions {
  /** The fetch to use (default: the global one). */
  readonly fetch?: typeof fetch;
  /** Give up after this long, headers and body included (default: 10 minutes). */
  readonly timeoutMs?: number;
}

/** Reads http(s) URLs. */
export class HttpReader implements SourceReader {
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;

  constructor(options: HttpReaderOptions = {}) {
    this.#fetch = options.fetch ?? fetch;
    this.#timeoutMs = options.timeoutMs ?? 600_000;
  }

  handles(uri: string): boolean {
    const scheme = uriScheme(uri);
    return scheme === 'http' || scheme === 'https';
  }

  async *lines(uri: string): AsyncIterable<SourceLine> {
    const shown = displayUri(uri);
    let response: Response;
    try {
      response = await this.#fetch(uri, { signal: AbortSignal.timeout(this.#timeoutMs), redirect: 'follow' });
    } catch (error) {
      throw new DriftCheckError(`GET ${quote(shown)} failed: ${networkReason(error)}`);
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new DriftCheckError(`GET ${quote(shown)}: HTTP ${response.status}`);
    }
    try {
      yield* splitLines(response.body as AsyncIterable<Uint8Array>, shown);
    } catch (error) {
      if (error instanceof DriftCheckError) throw error;
      throw new DriftCheckError(`reading ${quote(shown)} failed: ${(error as Error).message}`);
    }
  }
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DriftCheckError } from '../../../drift/errors.ts';
import { HttpReader } from '../../../drift/sources/http-reader.ts';
import { LocalFileReader } from '../../../drift/sources/local-file-reader.ts';
import { displayUri, readerFor, type SourceLine, splitLines } from '../../../drift/sources/source-reader.ts';

async function collect(lines: AsyncIterable<SourceLine>): Promise<SourceLine[]> {
  const out: SourceLine[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

async function* chunks(...parts: (string | Uint8Array)[]): AsyncIterable<Uint8Array> {
  for (const part of parts) yield typeof part === 'string' ? new TextEncoder().encode(part) : part;
}

describe('splitLines', () => {
  it('splits LF and CRLF lines across chunks, numbers them and skips blank lines', async () => {
    expect(await collect(splitLines(chunks('{"a":1}\r\n{"a"', ':2}\n\n  \n{"a":3}'), 'f.jsonl'))).toEqual([
      { text: '{"a":1}', origin: 'f.jsonl:1' },
      { text: '{"a":2}', origin: 'f.jsonl:2' },
      { text: '{"a":3}', origin: 'f.jsonl:5' },
    ]);
  });

  it('decodes a character split between chunks and refuses invalid UTF-8', async () => {
    const euro = new TextEncoder().encode('"€"\n');
    expect((await collect(splitLines(chunks(euro.slice(0, 2), euro.slice(2)), 'f')))[0]!.text).toBe('"€"');
    await expect(collect(splitLines(chunks(new Uint8Array([0x22, 0xff, 0x22, 0x0a])), 'f'))).rejects.toThrow(new DriftCheckError('f:1: not valid UTF-8'));
  });

  it('refuses a line longer than the limit', async () => {
    await expect(collect(splitLines(chunks('ok\n', 'x'.repeat(20)), 'f', 10))).rejects.toThrow(new DriftCheckError('f:2: line longer than 10 characters'));
  });
});

describe('LocalFileReader', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'drift-reader-'));
    mkdirSync(join(root, 'logs', '2026', '12'), { recursive: true });
    writeFileSync(join(root, 'logs', '2026', '12', '02.jsonl'), '{"a":2}\n');
    writeFileSync(join(root, 'logs', '2026', '12', '01.jsonl.gz'), gzipSync('{"a":1}\n'));
    writeFileSync(join(root, 'logs', 'README.md'), 'not data\n');
    mkdirSync(join(root, 'empty'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads a directory’s data files recursively in path order, gunzipping .gz', async () => {
    const lines = await collect(new LocalFileReader().lines(join(root, 'logs')));
    expect(lines.map((line) => line.text)).toEqual(['{"a":1}', '{"a":2}']);
    expect(lines[1]!.origin).toBe(`${join(root, 'logs', '2026', '12', '02.jsonl')}:1`);
  });

  it('reads file:// URIs and plain paths, and nothing with another scheme', async () => {
    const reader = new LocalFileReader();
    expect((await collect(reader.lines(`file://${join(root, 'logs', '2026', '12', '02.jsonl')}`))).length).toBe(1);
    expect([reader.handles('/data/x'), reader.handles('file:///x'), reader.handles('https://x'), reader.handles('s3://b/k')]).toEqual([true, true, false, false]);
  });

  it('fails with one line on a missing path or a folder without data files', async () => {
    await expect(collect(new LocalFileReader().lines(join(root, 'missing.jsonl')))).rejects.toThrow(`cannot read "${join(root, 'missing.jsonl')}": ENOENT`);
    await expect(collect(new LocalFileReader().lines(join(root, 'empty')))).rejects.toThrow(`"${join(root, 'empty')}" holds no .jsonl, .ndjson or .json file`);
  });
});

describe('HttpReader', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url?.startsWith('/logs.jsonl')) {
        response.writeHead(200, { 'content-type': 'application/x-ndjson' });
        response.write('{"a":1}\n');
        response.end('{"a":2}\n');
      } else {
        response.writeHead(404).end('no such object');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('streams the lines of a GET, naming them by URL without the query', async () => {
    const lines = await collect(new HttpReader().lines(`${base}/logs.jsonl?X-Amz-Signature=secret`));
    expect(lines).toEqual([
      { text: '{"a":1}', origin: `${base}/logs.jsonl:1` },
      { text: '{"a":2}', origin: `${base}/logs.jsonl:2` },
    ]);
  });

  it('fails on an HTTP error status without printing the query', async () => {
    await expect(collect(new HttpReader().lines(`${base}/missing?token=secret`))).rejects.toThrow(new DriftCheckError(`GET "${base}/missing": HTTP 404`));
  });

  it('fails with the network reason when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(collect(new HttpReader().lines(`http://127.0.0.1:${port}/x`))).rejects.toThrow(`GET "http://127.0.0.1:${port}/x" failed: ECONNREFUSED`);
  });
});

describe('readerFor', () => {
  it('picks the first reader that handles the URI', () => {
    const local = new LocalFileReader();
    const http = new HttpReader();
    expect(readerFor([local, http], 'https://x/y')).toBe(http);
    expect(readerFor([local, http], 'data/x.jsonl')).toBe(local);
  });

  it('says what to do about s3:// when no reader handles it', () => {
    expect(() => readerFor([new LocalFileReader(), new HttpReader()], 's3://acme-data/fraud?x=1')).toThrow(
      'no reader for "s3://acme-data/fraud": this build reads local paths and http(s) URLs only — use a presigned https URL or mount the bucket (see drift/README.md, "S3")',
    );
    expect(displayUri('https://h/p?sig=1#f')).toBe('https://h/p');
  });
});

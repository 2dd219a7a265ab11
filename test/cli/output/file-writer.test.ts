import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileWriter } from '../../../compiler/cli/output/file-writer.ts';
import type { OutputWriter } from '../../../compiler/cli/output/output-writer.ts';
import { ThreadedFileWriter } from '../../../compiler/cli/output/threaded-file-writer.ts';

function tempRoot(): string {
  return mkdtempSync(join(tmpdir(), 'mlops-writer-'));
}

/** Both writers, with the smallest in-flight limit (files for one, batches for the other). */
const WRITERS: [string, (root: string, limit?: number) => OutputWriter][] = [
  ['FileWriter (this thread)', (root, limit) => new FileWriter(root, limit)],
  ['ThreadedFileWriter (writer thread)', (root, limit) => new ThreadedFileWriter(root, limit)],
];

describe.each(WRITERS)('%s', (_name, writerAt) => {
  it('writes every file, creating folders, whatever the in-flight limit', async () => {
    const root = tempRoot();
    const writer = writerAt(root, 2);
    const files = Array.from({ length: 25 }, (_, index) => ({ path: `clusters/c${index % 3}/team/f${index}.yaml`, content: `n: ${index} é\n` }));
    await writer.write(files.slice(0, 10));
    await writer.write(files.slice(10, 11));
    await writer.write([]);
    await writer.write(files.slice(11));
    expect(await writer.flush()).toBe(25);
    for (const file of files) expect(readFileSync(join(root, file.path), 'utf8')).toBe(file.content);
  });

  it('reads each lazily rendered content exactly once', async () => {
    let reads = 0;
    const file = {
      path: 'a.yaml',
      get content() {
        reads++;
        return 'a: 1\n';
      },
    };
    const writer = writerAt(tempRoot());
    await writer.write([file]);
    await writer.flush();
    expect(reads).toBe(1);
  });

  it('rejects with the first write error, as an I/O error with code and path, and lets the other writes settle', async () => {
    const root = tempRoot();
    mkdirSync(join(root, 'taken'));
    const writer = writerAt(root, 1);
    const attempt = (async () => {
      await writer.write([{ path: 'ok.yaml', content: 'x\n' }, { path: 'taken', content: 'y\n' }, { path: 'later.yaml', content: 'z\n' }]);
      await writer.write([{ path: 'after.yaml', content: 'w\n' }]);
      await writer.flush();
    })();
    await expect(attempt).rejects.toMatchObject({ code: 'EISDIR', syscall: 'open', path: join(root, 'taken') });
    await writer.settle();
    expect(readFileSync(join(root, 'ok.yaml'), 'utf8')).toBe('x\n');
  });
});

import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StagedOutput } from '../../../compiler/cli/output/staged-output.ts';

function tempRoot(): string {
  return mkdtempSync(join(tmpdir(), 'mlops-staged-'));
}

describe('StagedOutput', () => {
  it('creates nothing until the first write, then swaps the staged folder in on commit', async () => {
    const root = tempRoot();
    const out = join(root, 'deploy');
    const staged = new StagedOutput(out);
    expect(readdirSync(root)).toEqual([]);
    await staged.write([{ path: 'clusters/a/t/x.yaml', content: 'x: 1\n' }]);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(root)).toHaveLength(1);
    await staged.commit();
    expect(readFileSync(join(out, 'clusters/a/t/x.yaml'), 'utf8')).toBe('x: 1\n');
    expect(readdirSync(root)).toEqual(['deploy']);
  });

  it('replaces a previous output as a whole on commit and leaves it untouched on discard', async () => {
    const root = tempRoot();
    const out = join(root, 'deploy');
    await mkdir(join(out, 'clusters'), { recursive: true });
    writeFileSync(join(out, 'registry.json'), 'old\n');
    const discarded = new StagedOutput(out);
    await discarded.write([{ path: 'registry.json', content: 'new\n' }]);
    await discarded.discard();
    expect(readFileSync(join(out, 'registry.json'), 'utf8')).toBe('old\n');
    expect(readdirSync(root)).toEqual(['deploy']);
    const committed = new StagedOutput(out);
    await committed.write([{ path: 'argocd/a/t/app.yaml', content: 'a: 1\n' }]);
    await committed.commit();
    expect(readdirSync(out).sort()).toEqual(['argocd']);
    expect(readdirSync(root)).toEqual(['deploy']);
  });

  it('writes through a writer thread when asked, with the same result', async () => {
    const root = tempRoot();
    const out = join(root, 'deploy');
    const staged = new StagedOutput(out, { threaded: true });
    await staged.write([{ path: 'clusters/a/t/x.yaml', content: 'x: 1\n' }]);
    await staged.write([{ path: 'registry.json', content: '{}\n' }]);
    await staged.commit();
    expect(readFileSync(join(out, 'clusters/a/t/x.yaml'), 'utf8')).toBe('x: 1\n');
    expect(readdirSync(out).sort()).toEqual(['clusters', 'registry.json']);
    expect(readdirSync(root)).toEqual(['deploy']);
  });

  it('starts afresh after a discard: only files written since then are committed', async () => {
    const root = tempRoot();
    const out = join(root, 'deploy');
    const staged = new StagedOutput(out);
    await staged.write([{ path: 'first.yaml', content: '1\n' }]);
    await staged.discard();
    await staged.write([{ path: 'second.yaml', content: '2\n' }]);
    await staged.commit();
    expect(readdirSync(out)).toEqual(['second.yaml']);
  });

  it('keeps the previous output and removes the staged folder when a write fails', async () => {
    const root = tempRoot();
    const out = join(root, 'deploy');
    await mkdir(out);
    writeFileSync(join(out, 'registry.json'), 'old\n');
    const staged = new StagedOutput(out);
    // A file where a folder must go makes the second write fail.
    await staged.write([{ path: 'clusters', content: 'not a folder\n' }]);
    await expect(staged.write([{ path: 'clusters/a/x.yaml', content: 'x\n' }]).then(() => staged.commit())).rejects.toMatchObject({ code: expect.stringMatching(/^E/) });
    await staged.discard();
    expect(readFileSync(join(out, 'registry.json'), 'utf8')).toBe('old\n');
    expect(readdirSync(root)).toEqual(['deploy']);
  });
});

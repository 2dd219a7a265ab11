import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatFileProcess } from '../../../bot/git/cat-file-process.ts';
import { GitRemote } from '../support/git-remote.ts';

let remote: GitRemote;
let reader: CatFileProcess;

beforeEach(async () => {
  remote = await GitRemote.create();
  reader = new CatFileProcess(remote.bare);
});

afterEach(async () => {
  reader.close();
  await remote.remove();
});

const blobOf = (commit: string, path: string) => execFileSync('git', ['--git-dir', remote.bare, 'rev-parse', `${commit}:${path}`], { encoding: 'utf8' }).trim();

describe('CatFileProcess', () => {
  it('answers pipelined reads in order, large blobs included, and "missing" for absent objects', async () => {
    const large = 'x'.repeat(300_000);
    const commit = await remote.commit({ 'a.yaml': 'a: 1\n', 'large.txt': large, 'empty.md': '' });
    await remote.setRef('refs/heads/main', commit);
    const absent = '0'.repeat(40);
    const [a, big, empty, missing, head] = await Promise.all([reader.read(blobOf(commit, 'a.yaml')), reader.read(blobOf(commit, 'large.txt')), reader.read(blobOf(commit, 'empty.md')), reader.read(absent), reader.read(commit)]);
    expect(a).toEqual({ type: 'blob', content: Buffer.from('a: 1\n') });
    expect(big?.content.toString()).toBe(large);
    expect(empty).toEqual({ type: 'blob', content: Buffer.alloc(0) });
    expect(missing).toBeUndefined();
    expect(head?.type).toBe('commit');
    expect(reader.spawns).toBe(1);
  });

  it('accepts full object ids only: no ref, path or option reaches git', async () => {
    for (const name of ['main', 'HEAD:platform.yaml', '--batch-all-objects', 'a'.repeat(39), `${'a'.repeat(40)}\n${'b'.repeat(40)}`]) {
      await expect(reader.read(name)).rejects.toThrow(/Not an object id/);
    }
    expect(reader.spawns).toBe(0);
  });

  it('finds objects written after it started, as loose objects or in a new pack', async () => {
    const first = await remote.commit({ 'a.yaml': 'a: 1\n' });
    await remote.setRef('refs/heads/main', first);
    expect((await reader.read(first))?.type).toBe('commit');
    const second = await remote.commit({ 'a.yaml': 'a: 2\n' }, first);
    expect(await reader.read(second)).toBeUndefined();
    await remote.setRef('refs/heads/main', second);
    expect((await reader.read(second))?.type).toBe('commit');
    // git keeps what a push or fetch brings as a pack from this many objects on (here: always).
    execFileSync('git', ['--git-dir', remote.bare, 'config', 'receive.unpackLimit', '1']);
    const third = await remote.commit({ 'a.yaml': 'a: 3\n' }, second);
    expect(await reader.read(third)).toBeUndefined();
    await remote.setRef('refs/heads/main', third);
    expect(execFileSync('find', [`${remote.bare}/objects/pack`, '-name', '*.pack'], { encoding: 'utf8' }).trim()).not.toBe('');
    expect((await reader.read(blobOf(third, 'a.yaml')))?.content.toString()).toBe('a: 3\n');
    expect(reader.spawns).toBe(1);
  });

  it('starts a fresh process after its process died, and after close()', async () => {
    const commit = await remote.commit({ 'a.yaml': 'a: 1\n' });
    await remote.setRef('refs/heads/main', commit);
    expect((await reader.read(commit))?.type).toBe('commit');
    const pid = reader.pid!;
    process.kill(pid, 'SIGKILL');
    await expect.poll(() => reader.pid).toBeUndefined();
    expect((await reader.read(blobOf(commit, 'a.yaml')))?.content.toString()).toBe('a: 1\n');
    expect(reader.spawns).toBe(2);
    expect(reader.pid).not.toBe(pid);
    const pending = reader.read(commit);
    reader.close();
    expect((await pending)?.type).toBe('commit');
    expect(reader.pid).toBeUndefined();
    expect((await reader.read(commit))?.type).toBe('commit');
    expect(reader.spawns).toBe(3);
  });

  it('fails the pending reads when git cannot run in the folder, and tries again on the next read', async () => {
    const broken = new CatFileProcess(`${remote.root}/no-such-repository.git`);
    await expect(broken.read('a'.repeat(40))).rejects.toThrow(/git cat-file in .*no-such-repository\.git ended/);
    await expect(broken.read('a'.repeat(40))).rejects.toThrow(/ended/);
    expect(broken.spawns).toBe(2);
  });
});

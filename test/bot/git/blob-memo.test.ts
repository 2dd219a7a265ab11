import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCommitTree } from '../../../compiler/cli/git-tree-source.ts';
import { BlobMemo } from '../../../bot/git/blob-memo.ts';
import { GitRemote } from '../support/git-remote.ts';

let remote: GitRemote;

beforeEach(async () => {
  remote = await GitRemote.create();
});

afterEach(async () => {
  await remote.remove();
});

describe('reading commits with a blob store', () => {
  it('reads only the blobs it has not seen, and gives the same tree as a fresh read', async () => {
    const base = await remote.commit({ 'platform.yaml': 'a: 1\n', 'teams/x/mlops.yaml': 'x: 1\n', 'teams/y/mlops.yaml': 'y: 1\n', 'teams/y/card.md': 'c\n' });
    const head = await remote.commit({ 'teams/y/mlops.yaml': 'y: 2\n' }, base);
    await remote.setRef('refs/heads/main', head);
    const reads: string[] = [];
    const memo = new BlobMemo();
    const store = { get: (oid: string) => memo.get(oid), set: (oid: string, content: Uint8Array) => {
        reads.push(oid);
        memo.set(oid, content);
      },
    };
    await readCommitTree(remote.bare, base, store);
    expect(reads).toHaveLength(3);
    const viaStore = await readCommitTree(remote.bare, head, store);
    expect(reads).toHaveLength(4);
    expect(viaStore).toEqual(await readCommitTree(remote.bare, head));
    expect(viaStore.files.map((file) => file.path)).toEqual(['platform.yaml', 'teams/x/mlops.yaml', 'teams/y/mlops.yaml']);
  });

  it('keeps at most its byte limit, dropping the least recently used', () => {
    const memo = new BlobMemo(10);
    memo.set('a', new Uint8Array(4));
    memo.set('b', new Uint8Array(4));
    memo.get('a');
    memo.set('c', new Uint8Array(4));
    expect([memo.get('a')?.length, memo.get('b'), memo.get('c')?.length]).toEqual([4, undefined, 4]);
  });
});

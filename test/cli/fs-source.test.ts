import { rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../compiler/cli/command.ts';
import { readSourceTree } from '../../compiler/cli/fs-source.ts';
import { writeTempRepo } from './temp-repo.ts';

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('readSourceTree', () => {
  it('reads config files and lookalikes as bytes and lists every other path', async () => {
    const root = await writeTempRepo({
      'platform.yaml': 'kind: Platform\n',
      'mlops.yaml': 'kind: Team\n',
      'teams/fraud/mlops.yaml': 'kind: Team\n',
      'teams/fraud/cards/fraud.md': '# card\n',
      'teams/recsys/mlops.yml': 'kind: Team\n',
      'README.md': 'hi\n',
      '.git/HEAD': 'ref: refs/heads/main\n',
      'node_modules/x/platform.yaml': 'no\n',
    });
    temps.push(root);
    const tree = await readSourceTree(root);
    expect(tree.files.map((file) => file.path)).toEqual(['mlops.yaml', 'platform.yaml', 'teams/fraud/mlops.yaml', 'teams/recsys/mlops.yml']);
    const platform = tree.files.find((file) => file.path === 'platform.yaml')!;
    expect(platform.content).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(platform.content as Uint8Array)).toBe('kind: Platform\n');
    expect(tree.otherPaths).toEqual(['README.md', 'teams/fraud/cards/fraud.md']);
  });

  it('lists symlinked files but does not follow symlinked folders', async () => {
    const root = await writeTempRepo({ 'teams/fraud/mlops.yaml': 'kind: Team\n', 'docs/card.md': '# card\n' });
    temps.push(root);
    await symlink(join(root, 'docs/card.md'), join(root, 'teams/fraud/card.md'));
    await symlink(root, join(root, 'loop'));
    const tree = await readSourceTree(root);
    expect(tree.otherPaths).toEqual(['docs/card.md', 'teams/fraud/card.md']);
  });

  it('throws a UsageError naming a missing directory or a file given as directory', async () => {
    const root = await writeTempRepo({ 'platform.yaml': 'x: 1\n' });
    temps.push(root);
    await expect(readSourceTree(join(root, 'missing'))).rejects.toThrow(new UsageError(`No such directory: ${join(root, 'missing')}`));
    await expect(readSourceTree(join(root, 'platform.yaml'))).rejects.toThrow(new UsageError(`Not a directory: ${join(root, 'platform.yaml')}`));
  });

  it('reads a 1,000-team repo quickly', async () => {
    const files: Record<string, string> = { 'platform.yaml': 'kind: Platform\n' };
    for (let index = 0; index < 1000; index++) {
      files[`teams/team-${index}/mlops.yaml`] = `kind: Team\nmetadata: { name: team-${index} }\n`;
      files[`teams/team-${index}/cards/model.md`] = '# card\n';
    }
    const root = await writeTempRepo(files);
    temps.push(root);
    const started = performance.now();
    const tree = await readSourceTree(root);
    const elapsed = performance.now() - started;
    expect(tree.files).toHaveLength(1001);
    expect(tree.otherPaths).toHaveLength(1000);
    expect(elapsed).toBeLessThan(5000);
  });
});

/** The trail is read at the deploy repo's HEAD (work tree or bare repo), or from a plain folder. */
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../compiler/cli/command.ts';
import { readTrailFiles } from '../../../compiler/cli/trail/read-trail.ts';
import { scenarioTrail } from '../../report/scenario.ts';
import { trailFiles } from '../../report/trail-builder.ts';

let root: string;
const files = trailFiles(scenarioTrail());

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mlops-trail-files-'));
  const work = join(root, 'work');
  await mkdir(join(work, 'audit'), { recursive: true });
  for (const file of files) await writeFile(join(work, file.path), file.content);
  await writeFile(join(work, 'audit', 'notes.txt'), 'not a trail file');
  const git = simpleGit(work);
  await git.init(['--initial-branch=main']);
  await git.addConfig('user.email', 't@example.com').addConfig('user.name', 't').addConfig('commit.gpgsign', 'false');
  await git.add('.').commit('deploy');
  await appendFile(join(work, files[0]!.path), '{"uncommitted":true}\n');
  await simpleGit(root).clone(work, join(root, 'bare.git'), ['--bare']);
  await mkdir(join(root, 'empty-repo'));
  await simpleGit(join(root, 'empty-repo')).init();
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('readTrailFiles', () => {
  it('reads a work tree at HEAD: committed lines only, audit/YYYY-MM.jsonl only', async () => {
    const source = await readTrailFiles(join(root, 'work'), 'work');
    expect(source.files).toEqual(files);
    expect(source.origin).toMatch(/^work @ [0-9a-f]{12}$/);
  });

  it('reads a bare repo at HEAD', async () => {
    expect((await readTrailFiles(join(root, 'bare.git'), 'bare.git')).files).toEqual(files);
  });

  it('reads a plain folder as it is', async () => {
    const plain = join(root, 'plain');
    await mkdir(join(plain, 'audit'), { recursive: true });
    await writeFile(join(plain, files[0]!.path), files[0]!.content);
    expect(await readTrailFiles(plain, 'plain')).toEqual({ files: [files[0]], origin: 'plain' });
  });

  it('a repo without commits has an empty trail; a missing folder is a usage error', async () => {
    expect(await readTrailFiles(join(root, 'empty-repo'), 'empty-repo')).toEqual({ files: [], origin: 'empty-repo (no commit yet)' });
    await expect(readTrailFiles(join(root, 'nope'), 'nope')).rejects.toThrow(new UsageError('Deploy repo nope is not a folder.'));
  });
});

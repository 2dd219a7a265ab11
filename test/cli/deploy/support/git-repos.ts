/** Real git repos in temp dirs for deploy tests: a config repo (a work tree) and bare deploy repos standing in for GitHub. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { git } from '../../../../compiler/cli/deploy/git-command.ts';

const IDENTITY = ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false'];

/** Temp dirs made by this module, removed by `removeTempDirs`. */
const made: string[] = [];

/** A fresh temp dir. */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `mlops-${prefix}-`));
  made.push(dir);
  return dir;
}

/** Removes every temp dir made so far (call in afterEach). */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** A config repo on branch main. */
export interface ConfigRepo {
  readonly dir: string;
  /** Writes (or with `null` deletes) files and commits them; returns the new SHA. */
  commit(files: Readonly<Record<string, string | null>>, message?: string): Promise<string>;
}

/** Creates a config repo holding `files` in one commit. */
export async function configRepo(files: Readonly<Record<string, string>>): Promise<ConfigRepo & { readonly first: string }> {
  const dir = await tempDir('config');
  await git(dir, ['init', '--quiet', '--initial-branch=main']);
  const repo: ConfigRepo = {
    dir,
    async commit(changes, message = 'change') {
      for (const [path, content] of Object.entries(changes)) {
        if (content === null) await rm(join(dir, path), { force: true });
        else {
          await mkdir(dirname(join(dir, path)), { recursive: true });
          await writeFile(join(dir, path), content);
        }
      }
      await git(dir, ['add', '-A']);
      await git(dir, [...IDENTITY, 'commit', '--quiet', '--allow-empty', '-m', message]);
      return (await git(dir, ['rev-parse', 'HEAD'])).toString().trim();
    },
  };
  const first = await repo.commit(files, 'initial config');
  return { ...repo, first };
}

/** Creates an empty bare repo (the deploy repo's "GitHub"). */
export async function bareRepo(): Promise<string> {
  const dir = await tempDir('deploy');
  await git(dir, ['init', '--quiet', '--bare', '--initial-branch=main']);
  return dir;
}

/** Commits on a branch of a bare repo, newest first: SHA and full message. */
export async function commitsOf(bare: string, branch = 'main'): Promise<{ sha: string; message: string }[]> {
  const log = (await git(bare, ['log', '--format=%H%x00%B%x00', branch])).toString('utf8').split('\0');
  const commits: { sha: string; message: string }[] = [];
  for (let index = 0; index + 1 < log.length; index += 2) commits.push({ sha: log[index]!.trim(), message: log[index + 1]! });
  return commits;
}

/** A file of a bare repo's branch, or undefined. */
export async function fileAt(bare: string, path: string, ref = 'main'): Promise<string | undefined> {
  return git(bare, ['cat-file', 'blob', `${ref}:${path}`]).then(
    (bytes) => bytes.toString('utf8'),
    () => undefined,
  );
}

/** Commits an edit straight onto a bare repo's branch (a hand edit, a tampering), via a temp clone. */
export async function editBare(bare: string, edit: (dir: string) => Promise<void>, message = 'hand edit'): Promise<void> {
  const dir = await tempDir('edit');
  await git(dir, ['clone', '--quiet', bare, '.']);
  await edit(dir);
  await git(dir, ['add', '-A']);
  await git(dir, [...IDENTITY, 'commit', '--quiet', '-m', message]);
  await git(dir, ['push', '--quiet', 'origin', 'HEAD:main']);
}

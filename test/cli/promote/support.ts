/** Real git repositories in temp dirs for the promote/rollback command tests: a config repo (the sample repo under `config/`) and deploy repos holding audit trails. */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { type AuditEntry, auditFilePath, serializeEntry } from '../../../compiler/audit/audit-entry.ts';
import { SAMPLE_REPO } from '../../promote/support/sample-org.ts';

/** A temp dir that the test removes afterwards. */
export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

async function initRepo(dir: string): Promise<void> {
  const git = simpleGit(dir);
  await git.init(['--initial-branch=main']);
  await git.addConfig('user.email', 'test@example.com').addConfig('user.name', 'Test');
}

/** A config repo with the sample repo under `config/`, committed; returns the repo root and the commit SHA. */
export async function sampleConfigRepo(root: string): Promise<string> {
  await initRepo(root);
  await cp(SAMPLE_REPO, join(root, 'config'), { recursive: true });
  await writeFile(join(root, 'README.md'), '# config\n');
  await simpleGit(root).add('.').commit('sample');
  return (await simpleGit(root).revparse(['HEAD'])).trim();
}

/** Rewrites the fraud team file with `edit` and commits; returns the new commit SHA. */
export async function commitFraudEdit(root: string, edit: (text: string) => string, message: string): Promise<string> {
  const path = join(root, 'config/teams/fraud/mlops.yaml');
  await writeFile(path, edit(await readFile(path, 'utf8')));
  await simpleGit(root).add('.').commit(message);
  return (await simpleGit(root).revparse(['HEAD'])).trim();
}

/** A deploy repo whose one commit holds `entries` in `audit/<month>.jsonl`. */
export async function deployRepo(dir: string, entries: readonly AuditEntry[], tamper?: (lines: string[]) => string[]): Promise<string> {
  await initRepo(dir);
  const byFile = new Map<string, string[]>();
  for (const entry of entries) byFile.set(auditFilePath(entry.time), [...(byFile.get(auditFilePath(entry.time)) ?? []), serializeEntry(entry)]);
  await mkdir(join(dir, 'audit'), { recursive: true });
  for (const [path, lines] of byFile) await writeFile(join(dir, path), `${(tamper ? tamper(lines) : lines).join('\n')}\n`);
  await writeFile(join(dir, 'README.md'), '# deploy\n');
  await simpleGit(dir).add('.').commit('deploys');
  return dir;
}

/** Removes temp dirs. */
export async function removeAll(dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
}

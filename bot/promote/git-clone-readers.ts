/**
 * ConfigRepoReader and TrailReader over local clones (the bot core's git cache keeps one per repo):
 * the config tree and files at a SHA with simple-git, the trail from the deploy clone's `audit/*.jsonl`.
 */
import { simpleGit } from 'simple-git';
import { readGitTree } from '../../compiler/cli/git-tree-source.ts';
import { readDeployCommits, readDeployTrail } from '../../compiler/cli/trail/read-trail.ts';
import type { ConfigRepoReader, TrailReader } from './dependencies.ts';

/** Reads the config repo from a clone at `dir` whose default branch is `branch` (a local or remote-tracking ref). */
export function cloneConfigReader(dir: string, branch: string, ref = branch): ConfigRepoReader {
  return {
    async defaultBranch() {
      return { name: branch, sha: (await simpleGit(dir).revparse(['--verify', `${ref}^{commit}`])).trim() };
    },
    sourceTreeAt: (sha) => readGitTree(dir, sha),
    readFileAt: async (sha, path) => (/^[0-9a-f]{7,64}$/i.test(sha) ? simpleGit(dir).show([`${sha}:./${path}`]).catch(() => undefined) : undefined),
  };
}

/** Reads the trail of a deploy-repo clone at `dir` (its `ref`, default HEAD). */
export function cloneTrailReader(dir: string, ref = 'HEAD'): TrailReader {
  return { read: () => readDeployTrail(dir, ref), deployCommits: () => readDeployCommits(dir, ref) };
}

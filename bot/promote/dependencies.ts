/**
 * What `/mlops promote` and `/mlops rollback` need from the outside world, injected so tests (and the
 * bot core) can swap them: the config repo at a SHA, the audit trail, and the forge that opens pull
 * requests and comments.
 */
import type { AuditEntry } from '../../compiler/audit/audit-entry.ts';
import type { SourceTree } from '../../compiler/load/source-tree.ts';
import type { PromoteTemplates } from '../../compiler/promote/pull-request-text.ts';

/** The config repo, read at commits (the bot core's git cache, or the GitHub API). */
export interface ConfigRepoReader {
  /** The default branch and the commit at its tip: where the pull request starts. */
  defaultBranch(): Promise<{ readonly name: string; readonly sha: string }>;
  /** The config tree at `sha`. */
  sourceTreeAt(sha: string): Promise<SourceTree>;
  /** A file's text at `sha`, or undefined when it did not exist there. */
  readFileAt(sha: string, path: string): Promise<string | undefined>;
}

/** The audit trail of the deploy repo. */
export interface TrailReader {
  /** The entries in `seq` order. */
  read(): Promise<readonly AuditEntry[]>;
  /** Deploy `seq` → the deploy-repo commit that recorded it, when known (events are then matched by `deploy.commit`). */
  deployCommits?(): Promise<ReadonlyMap<number, string>>;
}

/** A new branch with one commit that changes one file, and the pull request from it. */
export interface PullRequestDraft {
  /** The branch the pull request targets and the commit the new branch starts from. */
  readonly base: string;
  readonly baseSha: string;
  readonly branch: string;
  /** Path of the file in the repo, and its new content. */
  readonly path: string;
  readonly content: string;
  readonly message: string;
  readonly title: string;
  readonly body: string;
}

/** The forge behind one small interface (GitHub through Octokit in production). */
export interface PullRequestForge {
  /** Creates the branch and commit and opens the pull request. */
  openPullRequest(draft: PullRequestDraft): Promise<{ readonly number: number; readonly url: string }>;
  /** Comments on an issue or pull request. */
  comment(issueNumber: number, body: string): Promise<void>;
}

/** Everything a run needs. */
export interface PromoteDependencies {
  readonly config: ConfigRepoReader;
  readonly trail: TrailReader;
  readonly forge: PullRequestForge;
  readonly templates: PromoteTemplates;
  /** The issue or pull request the command was written in (the answer goes there). */
  readonly issueNumber: number;
  /** GitHub login of the commenter. */
  readonly requestedBy: string;
  readonly now: () => Date;
}

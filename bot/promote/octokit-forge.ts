/**
 * The GitHub PullRequestForge: a branch with one commit through the Git Data API (blob → tree on the
 * base commit's tree → commit → ref), then `pulls.create`; comments through `issues.createComment`.
 * An existing branch (a promotion already asked for) is a clear error, not an overwrite.
 */
import type { Octokit } from '@octokit/rest';
import type { PullRequestDraft, PullRequestForge } from './dependencies.ts';

/** Thrown when the branch of a draft already exists. */
export class BranchExistsError extends Error {
  override readonly name = 'BranchExistsError';
}

/** A PullRequestForge on one repository. */
export class OctokitPullRequestForge implements PullRequestForge {
  constructor(
    private readonly octokit: Octokit,
    private readonly owner: string,
    private readonly repo: string,
  ) {}

  /** Creates the blob, tree, commit and branch, then the pull request. */
  async openPullRequest(draft: PullRequestDraft): Promise<{ number: number; url: string }> {
    const { owner, repo } = this;
    const git = this.octokit.rest.git;
    const base = await git.getCommit({ owner, repo, commit_sha: draft.baseSha });
    const blob = await git.createBlob({ owner, repo, content: draft.content, encoding: 'utf-8' });
    const tree = await git.createTree({ owner, repo, base_tree: base.data.tree.sha, tree: [{ path: draft.path, mode: '100644', type: 'blob', sha: blob.data.sha }] });
    const commit = await git.createCommit({ owner, repo, message: draft.message, tree: tree.data.sha, parents: [draft.baseSha] });
    try {
      await git.createRef({ owner, repo, ref: `refs/heads/${draft.branch}`, sha: commit.data.sha });
    } catch (error) {
      if ((error as { status?: number }).status === 422) throw new BranchExistsError(`Branch ${draft.branch} already exists in ${owner}/${repo}.`);
      throw error;
    }
    const pull = await this.octokit.rest.pulls.create({ owner, repo, base: draft.base, head: draft.branch, title: draft.title, body: draft.body, maintainer_can_modify: true });
    return { number: pull.data.number, url: pull.data.html_url };
  }

  /** Comments on an issue or pull request. */
  async comment(issueNumber: number, body: string): Promise<void> {
    await this.octokit.rest.issues.createComment({ owner: this.owner, repo: this.repo, issue_number: issueNumber, body });
  }
}

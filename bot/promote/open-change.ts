/** The shared end of both commands: open the pull request of a prepared change and answer, or answer the refusal. */
import type { PreparedChange } from '../../compiler/promote/prepare-promotion.ts';
import type { Refusal } from '../../compiler/promote/refusal.ts';
import type { CommandOutcome } from './command-handler.ts';
import type { PromoteDependencies } from './dependencies.ts';
import { BranchExistsError } from './octokit-forge.ts';
import { openedReply, refusalReply } from './reply.ts';

const commandOf = (branch: string): string => (branch.startsWith('mlops/rollback-') ? 'rollback' : 'promote');

/** Comments the refusal; the outcome says so. */
export async function answerRefusal(command: string, refusal: Refusal, dependencies: PromoteDependencies): Promise<CommandOutcome> {
  await dependencies.forge.comment(dependencies.issueNumber, refusalReply(command, dependencies.requestedBy, refusal));
  return { kind: 'refused', code: refusal.code, reason: refusal.reason };
}

/** Opens the pull request of `prepared` from `base` and comments where it is. */
export async function openChange(prepared: PreparedChange, base: { readonly name: string; readonly sha: string }, dependencies: PromoteDependencies): Promise<CommandOutcome> {
  const { pullRequest } = prepared;
  let opened: { readonly number: number; readonly url: string };
  try {
    opened = await dependencies.forge.openPullRequest({
    base: base.name,
    baseSha: base.sha,
    branch: pullRequest.branch,
    path: prepared.file,
    content: prepared.text,
    message: pullRequest.commitMessage,
    title: pullRequest.title,
    body: pullRequest.body,
    });
  } catch (error) {
    if (!(error instanceof BranchExistsError)) throw error;
    const reason = `Branch ${pullRequest.branch} already exists: this change was asked for before. Merge or close its pull request and delete the branch first.`;
    return answerRefusal(commandOf(pullRequest.branch), { code: 'branch-exists', reason, diagnostics: [] }, dependencies);
  }
  await dependencies.forge.comment(dependencies.issueNumber, openedReply(dependencies.requestedBy, opened.number, pullRequest.title, pullRequest.description));
  return { kind: 'opened', number: opened.number, url: opened.url, branch: pullRequest.branch };
}

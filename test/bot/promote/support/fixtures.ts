/** In-memory dependencies for the promote/rollback bot tests: the sample repo as the config repo, a generated trail, a real issue_comment payload. */
import { createRequire } from 'node:module';
import { Octokit } from '@octokit/rest';
import type { AuditEntry } from '../../../../compiler/audit/audit-entry.ts';
import type { SourceTree } from '../../../../compiler/load/source-tree.ts';
import { readPromoteTemplates } from '../../../../compiler/cli/promote/templates.ts';
import type { PromoteDependencies } from '../../../../bot/promote/dependencies.ts';
import { OctokitPullRequestForge } from '../../../../bot/promote/octokit-forge.ts';
import { commandWords } from '../../../../bot/promote/command-handler.ts';

interface IssueCommentPayload {
  readonly action: string;
  readonly comment: { readonly body: string };
  readonly issue: { readonly number: number };
  readonly repository: { readonly name: string; readonly owner: { readonly login: string } };
  readonly sender: { readonly login: string };
}

/** The first `issue_comment.created` example payload of @octokit/webhooks-examples, with the comment body replaced. */
export function issueCommentPayload(body: string): IssueCommentPayload {
  const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as { name: string; examples: IssueCommentPayload[] }[];
  const example = examples.find((entry) => entry.name === 'issue_comment')!.examples.find((payload) => payload.action === 'created')!;
  return { ...structuredClone(example), comment: { ...example.comment, body } };
}

/** The words after `/mlops <name>` in a comment, as the bot core's registry hands them to a handler. */
export function commandArguments(body: string, name: string): string[] | undefined {
  const line = body.split('\n').find((candidate) => candidate.trim().startsWith(`/mlops ${name}`));
  return line === undefined ? undefined : commandWords(line).slice(2);
}

/** Dependencies over an in-memory config repo (tree at `baseSha`, files by `sha:path`) and trail, with the real Octokit forge. */
export async function dependencies(payload: IssueCommentPayload, options: { tree: SourceTree; baseSha: string; files?: Readonly<Record<string, string>>; trail: readonly AuditEntry[]; now: Date }): Promise<PromoteDependencies> {
  const owner = payload.repository.owner.login;
  const repo = payload.repository.name;
  const octokit = new Octokit({ auth: 'test-token', request: { retries: 0 } });
  return {
    config: {
      defaultBranch: async () => ({ name: 'main', sha: options.baseSha }),
      sourceTreeAt: async (sha) => {
        if (sha !== options.baseSha) throw new Error(`unexpected tree read at ${sha}`);
        return options.tree;
      },
      readFileAt: async (sha, path) => options.files?.[`${sha}:${path}`],
    },
    trail: { read: async () => options.trail },
    forge: new OctokitPullRequestForge(octokit, owner, repo),
    templates: await readPromoteTemplates(),
    issueNumber: payload.issue.number,
    requestedBy: payload.sender.login,
    now: () => options.now,
  };
}

/**
 * What the bot does with a merged commit, whichever event announced it: render and push it to the
 * deploy repo (`runDeploy`, shared with `mlops deploy`), then open a GitHub Deployment per environment
 * it changed (status in_progress until Argo CD reports). The audit entry's approvals are counted by
 * the same rules as the PR's `mlops/approvals` check (bot/approvals/collect-approvals.ts): the author's
 * and dismissed reviews never count, nor approvals given before a later config-changing push, and
 * `@org/team` owners are resolved through team membership. A merge superseded by a newer one that
 * landed first is recorded in its own audit entry, naming the deploy commit that includes it. A deploy that does not land — refused for
 * render errors or drift, or a push that kept failing — marks its Deployments failed, comments on the
 * PR and is audited (`deploy-failed`). Stateless: a redelivered or duplicate event is a no-op found by
 * the deploy commit's trailer.
 */
import { appendAuditEntry } from '../../compiler/cli/deploy/append-audit-entry.ts';
import type { ConfigSource } from '../../compiler/cli/deploy/config-source.ts';
import type { GitDeployTarget } from '../../compiler/cli/deploy/git-deploy-target.ts';
import { type DeployRunResult, runDeploy } from '../../compiler/cli/deploy/run-deploy.ts';
import { deployBranchOf } from '../../compiler/deploy/deploy-branch.ts';
import { deployEventOf } from '../../compiler/deploy/deploy-event.ts';
import { describeDrift } from '../../compiler/deploy/find-drift.ts';
import { renderedTreeHash } from '../../compiler/deploy/deploy-state.ts';
import { deployRepoOf, environmentClustersOf } from '../../compiler/deploy/platform-settings.ts';
import type { DeployForge, MergedPullRequest, RepositoryRef } from './deploy-forge.ts';
import type { DeployHandlerDependencies } from './deploy-handler-dependencies.ts';
import { deployFailureComment } from './failure-comment.ts';
import { countApprovals } from '../approvals/collect-approvals.ts';
import type { RequiredApprovals } from '../../compiler/plan/approvals/approval-model.ts';
import { sameConfig } from './same-config.ts';

/** A merged commit to deploy. */
export interface MergedCommit {
  readonly repository: RepositoryRef;
  readonly sha: string;
  /** The merged PR, when the event carried it (else it is looked up). */
  readonly pullRequest?: MergedPullRequest;
  /** Who merged (or pushed). */
  readonly actor: string;
  /** Message of the merged commit (an `Mlops-Event:` trailer marks rollbacks and promotions). */
  readonly commitMessage?: string;
}

/** How it went, for logs and tests. */
export type MergedCommitResult = DeployRunResult | { readonly status: 'error'; readonly message: string };

function fullName(repository: RepositoryRef): string {
  return `${repository.owner}/${repository.repo}`;
}

/** Deploys one merged commit. Never throws for deploy failures (they are reported); throws only for bugs. */
export async function deployMergedCommit(commit: MergedCommit, forge: DeployForge, dependencies: DeployHandlerDependencies): Promise<MergedCommitResult> {
  const clock = dependencies.clock ?? (() => new Date());
  const tree = await dependencies.sourceTreeAt(commit.repository, commit.sha);
  const environments = environmentClustersOf(tree);
  const branch = deployBranchOf(tree);
  const deployRepo = deployRepoOf(tree);
  const target: GitDeployTarget = await dependencies.deployTarget({ source: commit.repository, ...(deployRepo ? { deployRepo } : {}), branch });
  const pullRequest = commit.pullRequest ?? (await forge.mergedPullRequestOf(commit.sha));
  const reviews = pullRequest ? await forge.reviews(pullRequest.number) : [];
  const configUnchanged = dependencies.configUnchanged ?? ((repository, reviewedSha, headSha) => sameConfig(dependencies, repository, reviewedSha, headSha));
  // The approvals that count, as the PR's mlops/approvals check counted them (shared rules), once the
  // render named the approval rules (and so the teams whose membership matters).
  const approvalsFor = (required: RequiredApprovals) =>
    pullRequest
      ? countApprovals(reviews, pullRequest.author, { configUnchangedSince: (reviewedSha) => configUnchanged(commit.repository, reviewedSha, pullRequest.headSha), isTeamMember: (org, team, user) => forge.isTeamMember(org, team, user) }, required).then((evidence) => evidence.approvals)
      : Promise.resolve([]);
  const source: ConfigSource = {
    treeAt: (sha) => (sha === commit.sha ? Promise.resolve(tree) : dependencies.sourceTreeAt(commit.repository, sha)),
    isAncestor: (ancestor, descendant) => forge.isAncestor(ancestor, descendant),
  };
  const metadata = {
    sourceRepo: fullName(commit.repository),
    sha: commit.sha,
    ...(pullRequest ? { pullRequest: pullRequest.number, author: pullRequest.author, ...(pullRequest.openedAt ? { prOpenedAt: pullRequest.openedAt } : {}), ...(pullRequest.mergedAt ? { mergedAt: pullRequest.mergedAt } : {}) } : {}),
    reviews: [],
    actor: commit.actor,
    event: deployEventOf({ ...(pullRequest ? { labels: pullRequest.labels } : {}), ...(commit.commitMessage !== undefined ? { commitMessage: commit.commitMessage } : {}) }),
  };
  const failDeployments = async (names: readonly string[], text: string) => {
    for (const environment of names.length > 0 ? names : [...environments.keys()]) {
      const deployment = await forge.createDeployment({ sha: commit.sha, environment, description: text, payload: { auditSeq: 0, clusters: environments.get(environment) ?? [] } });
      await forge.setDeploymentStatus(deployment.id, 'failure', text);
    }
  };
  let result: DeployRunResult;
  try {
    result = await runDeploy({ source, target, metadata: { ...metadata, time: clock().toISOString() }, approvalsFor, ...(dependencies.attempts ? { attempts: dependencies.attempts } : {}), ...(dependencies.backoff ? { backoff: dependencies.backoff } : {}) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const recorded = await appendAuditEntry(target, async (repo) => ({
      time: clock().toISOString(),
      event: 'deploy-failed',
      actor: commit.actor,
      source: { repo: metadata.sourceRepo, sha: commit.sha, ...(pullRequest ? { pr: pullRequest.number, author: pullRequest.author } : {}) },
      approvers: [],
      approvals: [],
      deploy: { repo: target.url, branch: target.branch, treeHash: renderedTreeHash(repo.generated) },
      environments: [],
      teams: [],
      changes: [],
      policy: { passed: true, errors: 0, warnings: 0, waivers: [] },
      message: `The deploy did not land: ${message}`.slice(0, 500),
    })).catch((recordError: unknown) => {
      (dependencies.log ?? console.error)(`could not record the failed deploy of ${commit.sha}: ${recordError instanceof Error ? recordError.message : String(recordError)}`);
      return undefined;
    });
    await failDeployments([], 'The deploy did not land (see the PR comment).');
    if (pullRequest) await forge.comment(pullRequest.number, deployFailureComment({ sha: commit.sha, reason: message, ...(recorded ? { auditSeq: recorded.entry.seq } : {}), deployRepo: target.url }));
    return { status: 'error', message };
  }
  if (result.status === 'deployed') {
    for (const environment of result.entry.environments) {
      const deployment = await forge.createDeployment({ sha: commit.sha, environment, description: `Deploy commit ${result.commit.slice(0, 12)} (audit #${result.entry.seq})`, payload: { deployCommit: result.commit, auditSeq: result.entry.seq, clusters: environments.get(environment) ?? [] } });
      await forge.setDeploymentStatus(deployment.id, 'in_progress', `Committed to ${target.branch} as ${result.commit.slice(0, 12)}; waiting for Argo CD.`);
    }
  } else if (result.status === 'refused') {
    await failDeployments(result.entry.environments, result.outcome.reason === 'drift' ? 'Refused: the deploy repo was edited by hand.' : 'Refused: the merged config does not render.');
    const details = result.outcome.reason === 'drift' ? result.outcome.drift.map(describeDrift) : result.outcome.diagnostics.map((diagnostic) => `${diagnostic.file}:${diagnostic.range.start.line} ${diagnostic.code} ${diagnostic.message}`);
    if (pullRequest) await forge.comment(pullRequest.number, deployFailureComment({ sha: commit.sha, reason: result.entry.message ?? 'The deploy was refused.', details, auditSeq: result.entry.seq, deployRepo: target.url }));
  }
  return result;
}

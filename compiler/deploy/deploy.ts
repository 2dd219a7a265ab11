/**
 * deploy(input): the merge-to-deploy core. Renders the merged config (incrementally), checks the
 * deploy repo for hand edits, and decides the one commit that lands: the changed manifests, the new
 * deploy state and the audit entries (the deploy's own, chained after the last, then one `waiver-used`
 * entry per waiver relied on — deploy-records.ts), with a message whose trailers link it back to the
 * change. A render error or drift yields no files, only a `deploy-failed` entry. Pure:
 * the shells read the trees and carry the outcome out (`compiler/cli/deploy/`, `bot/deploy/`).
 */
import { type AuditEntry, chainEntry, type UnchainedAuditEntry } from '../audit/audit-entry.ts';
import type { Review } from '../plan/approvals/approval-model.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { requiredApprovals } from '../plan/approvals/required-approvals.ts';
import { mlSummary } from '../plan/ml/ml-summary.ts';
import type { ResolvedOrg } from '../resolve/resolved-org.ts';
import { compareCodePoints } from '../support/compare-code-points.ts';
import { auditSource, policySummary, servingChanges, waiversRelied } from './audit-details.ts';
import { deployCommitMessage } from './commit-trailers.ts';
import type { DeployInput, DeployOutcome, DeployPlanned, DeployRefused, DriftedFile } from './deploy-model.ts';
import { type DeployRecordParts, deployRecords } from './deploy-records.ts';
import { type DeployState, renderedTreeHash, teamOfGeneratedPath } from './deploy-state.ts';
import { describeDrift, findDrift } from './find-drift.ts';
import { type DeployRender, renderDeploy } from './render-deploy.ts';

/** Drifted files or errors named in a failure's message and commit body. */
const LISTED = 10;


function clusterEnvironments(org: ResolvedOrg | undefined): Map<string, string[]> {
  const byCluster = new Map<string, string[]>();
  for (const environment of org?.platform.environments ?? []) {
    for (const cluster of environment.clusters) byCluster.set(cluster.name, [...(byCluster.get(cluster.name) ?? []), environment.name]);
  }
  return byCluster;
}

function baseEntry(input: DeployInput, treeHash: string): Omit<UnchainedAuditEntry, 'event' | 'approvers' | 'approvals' | 'environments' | 'teams' | 'changes' | 'policy'> {
  const { metadata, destination } = input;
  return {
    time: metadata.time,
    actor: metadata.actor,
    source: auditSource(metadata),
    deploy: { repo: destination.repo, branch: destination.branch, treeHash },
  };
}

function describeError(diagnostic: Diagnostic): string {
  return `${diagnostic.file}:${diagnostic.range.start.line}:${diagnostic.range.start.column} ${diagnostic.code} ${diagnostic.message}`;
}

function refused(input: DeployInput, render: DeployRender, reason: DeployRefused['reason'], drift: readonly DriftedFile[]): DeployRefused {
  const errors = render.head.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const details = reason === 'drift' ? drift.map(describeDrift) : errors.map(describeError);
  const message =
    reason === 'drift'
      ? `Refused: ${drift.length} generated file(s) in the deploy repo were changed by hand (${drift.slice(0, 3).map((file) => file.path).join(', ')}${drift.length > 3 ? ', …' : ''}); restore them or remove them, then redeploy.`
      : `Render failed with ${errors.length} error(s); first: ${errors[0] ? describeError(errors[0]) : 'unknown'}.`;
  const teams = [...new Set(render.inputs.map((change) => change.team).filter((team): team is string => team !== undefined))].sort();
  const entry = chainEntry(
    {
      ...baseEntry(input, renderedTreeHash(input.repo.generated)),
      event: 'deploy-failed',
      approvers: [],
      approvals: [],
      environments: [],
      teams,
      changes: [],
      policy: policySummary(render.head.policy, render.head.diagnostics),
      message,
    },
    input.repo.lastEntry,
  );
  const listed = details.slice(0, LISTED);
  if (details.length > LISTED) listed.push(`… and ${details.length - LISTED} more`);
  return { status: 'failed', reason, diagnostics: errors, drift, entry, commitMessage: deployCommitMessage(entry, listed) };
}

/** Decides the deploy of `input.metadata.sha` to the deploy repo. */
export function deploy(input: DeployInput): DeployOutcome {
  const { metadata, repo } = input;
  if (repo.state?.sourceSha === metadata.sha) return { status: 'already-deployed' };
  const now = new Date(metadata.time);
  const render = renderDeploy(input.source, input.previousSource, repo, { now });
  if (!render.ok) return refused(input, render, 'render-errors', []);
  const drift = findDrift(repo, render.files);
  if (drift.length > 0) return refused(input, render, 'drift', drift);

  const baseOrg = render.base.org;
  const headOrg = render.head.org;
  const changedTeams = [...new Set(render.inputs.map((change) => change.team).filter((team): team is string => team !== undefined))];
  const ml = mlSummary(baseOrg, headOrg, now, changedTeams, render.head.diagnostics);
  const byCluster = clusterEnvironments(headOrg);
  const touched = [...render.writes.map((file) => file.path), ...render.deletions];
  const environments = new Set([...ml.rollouts.map((rollout) => rollout.environment), ...ml.pipelines.map((pipeline) => pipeline.environment)]);
  const teams = new Set([...ml.rollouts.map((rollout) => rollout.team), ...ml.versions.map((version) => version.team)]);
  for (const path of touched) {
    const team = teamOfGeneratedPath(path);
    if (team !== undefined) teams.add(team);
    for (const environment of byCluster.get(path.split('/')[1] ?? '') ?? []) if (team !== undefined) environments.add(environment);
  }
  const order = headOrg?.platform.environments.map((environment) => environment.name) ?? [];
  const environmentList = [...environments].filter((name) => name !== '').sort((a, b) => order.indexOf(a) - order.indexOf(b) || compareCodePoints(a, b));
  const required = requiredApprovals({
    ...(baseOrg ? { base: baseOrg } : {}),
    ...(headOrg ? { head: headOrg } : {}),
    inputs: render.inputs,
    environments: environmentList,
    waivers: ml.waivers,
    ...(metadata.author ? { author: metadata.author } : {}),
  });
  const state: DeployState = { version: 1, sourceRepo: metadata.sourceRepo, sourceSha: metadata.sha };
  const scope = render.incremental ? `Rendered ${render.renderedTeams.length} team(s) incrementally` : 'Rendered every team';
  const record: DeployRecordParts = {
    entry: {
      ...baseEntry(input, renderedTreeHash(render.files)),
      event: metadata.event ?? 'deploy',
      environments: environmentList,
      teams: [...teams].sort(compareCodePoints),
      changes: servingChanges(ml, headOrg),
      policy: policySummary(render.head.policy, render.head.diagnostics),
    },
    required,
    waivers: waiversRelied(render.head.policy),
    details: [`${scope}: ${render.writes.length} file(s) written, ${render.deletions.length} deleted.`],
  };
  const { entry, waiverEntries, commitMessage } = deployRecords(record, metadata.reviews, repo.lastEntry);
  return { status: 'deployed', writes: render.writes, deletions: render.deletions, state, files: render.files, entry, waiverEntries, commitMessage, record, incremental: render.incremental, renderedTeams: render.renderedTeams };
}

/**
 * The same deploy with its approvals evaluated against `reviews` instead of `metadata.reviews` (the
 * shell resolves the reviewers' team memberships once the render named the teams the rules need),
 * chained after `previous` again. Nothing is rendered.
 */
export function withApprovals(planned: DeployPlanned, reviews: readonly Review[], previous: AuditEntry | undefined): DeployPlanned {
  const { entry, waiverEntries, commitMessage } = deployRecords(planned.record, reviews, previous);
  return { ...planned, entry, waiverEntries, commitMessage };
}

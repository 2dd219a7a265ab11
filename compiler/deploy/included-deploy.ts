/**
 * The audit record of a superseded merge: a newer merge (a descendant of this one) landed first, so
 * the manifests that include this change are already deployed by the newer merge's deploy commit. This
 * merge still gets its own `deploy` (`rollback`, `promotion`) entry — who merged it, who approved it,
 * which requirement each approval met, what it changed — in an audit-only commit appended after the
 * including one, naming it in `deploy.includedIn`. Nothing is rendered: both sides of the change are
 * only validated (the approvals a change needs follow from its inputs, the resolved orgs and the ML
 * summary); the tree hash and policy results are the including deploy's, as those are the manifests
 * that run. Pure.
 */
import type { AuditEntry, AuditPolicy } from '../audit/audit-entry.ts';
import type { SourceTree } from '../load/source-tree.ts';
import { validate } from '../pipeline.ts';
import { requiredApprovals } from '../plan/approvals/required-approvals.ts';
import { compileSides } from '../plan/inputs/compile-sides.ts';
import { inputChanges } from '../plan/inputs/input-changes.ts';
import { mlSummary } from '../plan/ml/ml-summary.ts';
import { compareCodePoints } from '../support/compare-code-points.ts';
import { auditSource, servingChanges } from './audit-details.ts';
import type { DeployDestination, DeployMetadata } from './deploy-model.ts';
import { type DeployRecordParts, type DeployRecords, deployRecords } from './deploy-records.ts';

/** What the record of a superseded merge is built from. */
export interface IncludedDeployInput {
  /** The config tree at the superseded merge (`metadata.sha`). */
  readonly source: SourceTree;
  /** The config tree the including deploy was rendered against (the source deployed before it); empty when none. */
  readonly previousSource: SourceTree;
  readonly metadata: DeployMetadata;
  readonly destination: DeployDestination;
  /** The deploy commit that includes the merge. */
  readonly includedIn: string;
  /** The including deploy's own entry (policy results), when the trail holds it. */
  readonly including?: AuditEntry;
  /** The rendered tree hash of the including commit (`renderedTreeHash` of its generated files). */
  readonly treeHash: string;
  /** The last entry of the trail (the record is chained after it). */
  readonly lastEntry?: AuditEntry;
}

/** The record's parts, before approvals (the shell may resolve team memberships against `required`). */
export function includedDeployParts(input: IncludedDeployInput): DeployRecordParts {
  const { metadata, destination } = input;
  const now = new Date(metadata.time);
  const inputs = inputChanges(input.previousSource, input.source);
  const run = (tree: SourceTree, options: Parameters<typeof validate>[1]) => ({ ...validate(tree, options), manifests: [], files: [] });
  const sides = compileSides(input.previousSource, input.source, inputs, { compile: run, compileOptions: { now }, incremental: true });
  const changedTeams = [...new Set(inputs.map((change) => change.team).filter((team): team is string => team !== undefined))];
  const ml = mlSummary(sides.base.org, sides.head.org, now, changedTeams, sides.head.diagnostics);
  const order = sides.head.org?.platform.environments.map((environment) => environment.name) ?? [];
  const environments = [...new Set([...ml.rollouts.map((rollout) => rollout.environment), ...ml.pipelines.map((pipeline) => pipeline.environment)])].sort((a, b) => order.indexOf(a) - order.indexOf(b) || compareCodePoints(a, b));
  const teams = new Set([...changedTeams, ...ml.rollouts.map((rollout) => rollout.team), ...ml.versions.map((version) => version.team)]);
  const required = requiredApprovals({
    ...(sides.base.org ? { base: sides.base.org } : {}),
    ...(sides.head.org ? { head: sides.head.org } : {}),
    inputs,
    environments,
    waivers: ml.waivers,
    ...(metadata.author ? { author: metadata.author } : {}),
  });
  const policy: AuditPolicy = input.including?.policy ?? { passed: true, errors: 0, warnings: 0, waivers: [] };
  return {
    entry: {
      time: metadata.time,
      event: metadata.event ?? 'deploy',
      actor: metadata.actor,
      source: auditSource(metadata),
      deploy: { repo: destination.repo, branch: destination.branch, treeHash: input.treeHash, includedIn: input.includedIn },
      environments,
      teams: [...teams].sort(compareCodePoints),
      changes: servingChanges(ml, sides.head.org),
      policy,
      message: `Merged before ${input.includedIn.slice(0, 12)} landed, which deployed it together with a newer merge${input.including ? ` (audit entry ${input.including.seq})` : ''}.`,
    },
    required,
    // The including deploy's commit already records its waivers as waiver-used entries.
    waivers: [],
    details: [],
  };
}

/** The chained record of a superseded merge, with `metadata.reviews` as its approvals. */
export function includedDeploy(input: IncludedDeployInput): DeployRecords {
  return deployRecords(includedDeployParts(input), input.metadata.reviews, input.lastEntry);
}

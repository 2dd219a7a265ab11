/**
 * plan(base, head): compile both trees (only the teams whose inputs changed, unless platform.yaml
 * did), diff the rendered output, summarise the change in ML terms, and derive the approvals it
 * needs and its risk. Pure: the shell reads the trees (filesystem, git, GitHub).
 */
import type { CompileOptions } from '../pipeline.ts';
import type { SourceTree } from '../load/source-tree.ts';
import { requiredApprovals } from './approvals/required-approvals.ts';
import { diagnosticsDelta } from './diagnostics-delta.ts';
import { type CompileFunction, compileSides } from './inputs/compile-sides.ts';
import { inputChanges } from './inputs/input-changes.ts';
import { mlSummary } from './ml/ml-summary.ts';
import { orgImpact } from './org-impact.ts';
import type { RolloutEvidence } from '../report/evaluate-criteria.ts';
import { phaseGate } from './phase-gate/phase-gate.ts';
import type { Plan } from './plan-model.ts';
import { changesByCluster, countChanges, resourceChanges } from './resources/resource-changes.ts';
import { assessRisk } from './risk/assess-risk.ts';

/** Options of `plan`. */
export interface PlanOptions {
  /** The compiler (injectable for tests). @default compile from pipeline.ts */
  readonly compile?: CompileFunction;
  /** Passed to every compile; `now` is filled from `now` below. */
  readonly compileOptions?: CompileOptions;
  /** Compile only affected teams when platform.yaml is unchanged. @default true */
  readonly incremental?: boolean;
  /** The PR author (`@alice` or `alice`): their approval never counts. */
  readonly author?: string;
  /** Today, for waiver expiry. @default new Date() */
  readonly now?: Date;
  /** The success criteria measured from the deploy repo, for the phase gate of a change that raises `rollout.phase`. */
  readonly rolloutEvidence?: RolloutEvidence;
}

/** Plans the change from `base` to `head`. */
export function plan(base: SourceTree, head: SourceTree, options: PlanOptions = {}): Plan {
  const now = options.now ?? new Date();
  const inputs = inputChanges(base, head);
  const compiled = compileSides(base, head, inputs, {
    ...(options.compile ? { compile: options.compile } : {}),
    compileOptions: { ...options.compileOptions, now },
    ...(options.incremental !== undefined ? { incremental: options.incremental } : {}),
  });
  const diagnostics = diagnosticsDelta(compiled.base.diagnostics, compiled.head.diagnostics);
  const valid = diagnostics.headErrors === 0;
  const baseOrg = compiled.base.org;
  const headOrg = valid ? compiled.head.org : undefined;
  const resources = valid ? resourceChanges(compiled.base, compiled.head) : [];
  const changedTeams = [...new Set(inputs.map((input) => input.team).filter((team): team is string => team !== undefined))];
  const ml = valid ? mlSummary(baseOrg, headOrg, now, changedTeams, compiled.head.diagnostics) : mlSummary(undefined, undefined, now);
  const impact = orgImpact(inputs, resources, ml, [baseOrg, compiled.head.org]);
  const platform = compiled.head.org?.platform ?? baseOrg?.platform;
  const environmentOrder = platform?.environments.map((environment) => environment.name) ?? [];
  const touchedEnvironments = [...new Set([...resources.map((change) => change.environment), ...ml.rollouts.map((rollout) => rollout.environment), ...ml.pipelines.map((pipeline) => pipeline.environment)])].filter((environment) => environment !== '');
  const approvals = requiredApprovals({
    ...(baseOrg ? { base: baseOrg } : {}),
    ...(compiled.head.org ? { head: compiled.head.org } : {}),
    inputs,
    environments: environmentOrder.filter((environment) => touchedEnvironments.includes(environment)),
    waivers: ml.waivers,
    ...(options.author !== undefined ? { author: options.author } : {}),
  });
  const production = new Set([...(baseOrg?.platform.environments ?? []), ...(compiled.head.org?.platform.environments ?? [])].filter((environment) => environment.tier === 'production').map((environment) => environment.name));
  const risk = assessRisk({ resources, ml, impact, diagnostics, approvals, production });
  const gate = valid ? phaseGate(baseOrg, headOrg, options.rolloutEvidence, now) : undefined;
  return {
    status: valid ? 'ok' : 'invalid-head',
    noop: inputs.length === 0 && resources.length === 0,
    inputs,
    resources,
    counts: countChanges(resources),
    clusters: changesByCluster(resources, environmentOrder),
    deletions: resources.filter((change) => change.action === 'removed'),
    ml,
    impact,
    diagnostics,
    approvals,
    risk,
    scope: { incremental: compiled.incremental, compiledTeams: compiled.compiledTeams, totalTeams: compiled.allTeams.length },
    ...(gate ? { phaseGate: gate } : {}),
  };
}

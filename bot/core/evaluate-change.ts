/**
 * Judges a change (pure): plans base → head as `mlops plan` does, splits the head's diagnostics into
 * what `mlops/validate` and `mlops/policy` report, and, when the head's platform.yaml changes the org
 * rules, compiles the head again under the base's rules: a pull request cannot relax the rules that
 * judge its own team files. The plan itself keeps the head's rules, so its comment shows which teams
 * a platform change would make start or stop failing.
 */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.ts';
import type { SourceTree } from '../../compiler/load/source-tree.ts';
import { inputChanges } from '../../compiler/plan/inputs/input-changes.ts';
import type { Plan } from '../../compiler/plan/plan-model.ts';
import type { RolloutEvidence } from '../../compiler/report/evaluate-criteria.ts';
import { type OrgRules, orgRulesOf, sameOrgRules } from '../../compiler/policy/org-rules.ts';
import type { CompilerCore } from './compiler-core.ts';
import { isConfigPath } from './config-paths.ts';

/** What the bot read for a change. */
export interface ChangeInputs {
  /** The tree the change starts from (the merge base of a pull request). */
  readonly base: SourceTree;
  readonly head: SourceTree;
  /** platform.yaml of the base branch's tip, whose rules judge the change (absent: none there). */
  readonly basePlatform?: string | Uint8Array;
  /** The PR author, whose approval never counts. */
  readonly author?: string;
  /** Success criteria measured from the deploy repo, for the phase gate of a change that raises `rollout.phase`. */
  readonly rolloutEvidence?: RolloutEvidence;
}

/** The verdicts of one change. */
export interface ChangeEvaluation {
  /** False when no config input differs: the checks pass at once and nothing is compiled. */
  readonly configChanged: boolean;
  readonly plan?: Plan;
  /** Head diagnostics of the load, schema, semantic, rollout and emit stages. */
  readonly validation: readonly Diagnostic[];
  /** Policy findings and policy-config diagnostics (under the head's rules, and under the base's when they differ), and the phase gate's. */
  readonly policy: readonly Diagnostic[];
  /** True when the head's org rules differ from the base's and the head was also judged by the base's. */
  readonly judgedByBaseRules: boolean;
}

/** True for diagnostics `mlops/policy` reports: rule findings (`k8s/…`, `ml/…`, …) and ML6xx. */
export function isPolicyDiagnostic(diagnostic: Diagnostic): boolean {
  return diagnostic.code.includes('/') || /^ML6\d\d$/.test(diagnostic.code);
}

const identity = (diagnostic: Diagnostic) => `${diagnostic.code}\u0000${diagnostic.file}\u0000${diagnostic.range.start.offset}\u0000${diagnostic.message}`;

function rulesOf(compiler: CompilerCore, platform: string | Uint8Array | undefined): OrgRules | undefined {
  if (platform === undefined) return undefined;
  const org = compiler.validate({ files: [{ path: 'platform.yaml', content: platform }] }).org;
  return org ? orgRulesOf(org.platform) : undefined;
}

/** True when a config input differs between base and head (READMEs and other files outside `teams/` are not config). */
export function touchesConfig(inputs: ChangeInputs): boolean {
  return inputChanges(inputs.base, inputs.head).some((change) => isConfigPath(change.path));
}

/** Evaluates a change; `now` is the clock of waiver expiry. */
export function evaluateChange(inputs: ChangeInputs, compiler: CompilerCore, now: Date): ChangeEvaluation {
  if (!touchesConfig(inputs)) return { configChanged: false, validation: [], policy: [], judgedByBaseRules: false };
  const plan = compiler.plan(inputs.base, inputs.head, { now, ...(inputs.author !== undefined ? { author: inputs.author } : {}), ...(inputs.rolloutEvidence ? { rolloutEvidence: inputs.rolloutEvidence } : {}) });
  const head = plan.diagnostics.head;
  const validation = head.filter((diagnostic) => !isPolicyDiagnostic(diagnostic));
  // A change that raises rollout.phase is a policy question: the gate's ML701/ML702 fail mlops/policy.
  const policy = [...head.filter(isPolicyDiagnostic), ...(plan.phaseGate?.diagnostics ?? [])];
  const baseRules = rulesOf(compiler, inputs.basePlatform);
  const headRules = rulesOf(compiler, inputs.head.files.find((file) => file.path === 'platform.yaml')?.content);
  if (!baseRules || !headRules || sameOrgRules(baseRules, headRules) || validation.some((diagnostic) => diagnostic.severity === 'error')) {
    return { configChanged: true, plan, validation, policy, judgedByBaseRules: false };
  }
  const judged = compiler.compile(inputs.head, { now, orgRules: baseRules });
  const seen = new Set(policy.map(identity));
  const extra = judged.diagnostics.filter((diagnostic) => isPolicyDiagnostic(diagnostic) && !seen.has(identity(diagnostic)));
  return { configChanged: true, plan, validation, policy: [...policy, ...extra], judgedByBaseRules: true };
}

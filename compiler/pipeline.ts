/**
 * The whole compiler in one place: load → validate → resolve (the front end, `front-end.ts`) → emit
 * → policy. Pure: text in, result out; the CLI and the bot do the I/O.
 */
import { type Diagnostic, hasErrors, normalizeDiagnostics } from './diagnostics/diagnostic.ts';
import { type EmitOptions, emitUnit, orgFiles, type TeamClusterUnit, teamClusterUnits } from './emit/emit-org.ts';
import type { Manifest, OutputFile } from './emit/manifest.ts';
import { type ValidateOptions, type ValidateResult, validate } from './front-end.ts';
import type { SourceTree } from './load/source-tree.ts';
import { type PolicyResult, startPolicyEvaluation } from './policy/evaluate-policies.ts';
import { type OrgRules, withOrgRules } from './policy/org-rules.ts';
import type { ResolvedOrg } from './resolve/resolved-org.ts';
import { compareCodePoints } from './support/compare-code-points.ts';

export { type ValidateOptions, type ValidateResult, validate } from './front-end.ts';

/** Options of `compile`. */
export interface CompileOptions extends ValidateOptions, EmitOptions {
  /** Today, for waiver expiry. @default new Date() */
  readonly now?: Date;
  /** Evaluate policies; false isolates emit in benchmarks. @default true */
  readonly policies?: boolean;
  /** The base of a change, for rules that compare against it (promotion path). */
  readonly base?: ResolvedOrg;
  /**
   * Judge the config by these org rules (policies, registries, quotas) instead of its own
   * platform.yaml's: the bot passes the base branch's, so a change cannot relax the rules judging it.
   * Emit still uses the config's own platform. @default the config's own rules
   */
  readonly orgRules?: OrgRules;
}

/** Result of `compile`. */
export interface CompileResult extends ValidateResult {
  /** Empty when any error was found: the compiler never emits partial output. */
  readonly manifests: Manifest[];
  readonly files: OutputFile[];
  /** Policy findings, rules and waivers in force (absent when validation failed or policies were off). */
  readonly policy?: PolicyResult;
}

/** One step of a streamed compile: a team × cluster's objects and files, or, last, the org-wide files. */
export interface CompileBatch {
  /** Sorted by path within the batch. */
  readonly manifests: readonly Manifest[];
  /** Lazily rendered: reading `content` renders the object. Sorted by path within the batch. */
  readonly files: readonly OutputFile[];
}

/** How a streamed compile ends. */
export interface CompileSummary extends ValidateResult {
  /** Policy findings, rules and waivers in force (absent when validation failed or policies were off). */
  readonly policy?: PolicyResult;
  /** Objects and files yielded. */
  readonly objects: number;
  readonly files: number;
}

/**
 * Compiles a config tree one team × cluster at a time, checking policies on each batch, so that a
 * consumer can write and release every batch before the next is built: memory stays at the config
 * plus one batch, whatever the size of the org. Errors in emit or policy surface only in the summary
 * (the generator's return value), after batches were yielded: a consumer must then discard what it
 * received (the CLI writes to a temp folder it renames into place only when there is no error).
 * Nothing is yielded when validation fails.
 */
export function* compileInBatches(tree: SourceTree, options: CompileOptions = {}): Generator<CompileBatch, CompileSummary, undefined> {
  const validated = validate(tree, options);
  if (!validated.org) return { diagnostics: validated.diagnostics, objects: 0, files: 0 };
  const org = validated.org;
  const judged = options.orgRules ? withOrgRules(org, options.orgRules) : org;
  const policy = options.policies === false ? undefined : startPolicyEvaluation(judged, { now: options.now ?? new Date(), ...(options.base ? { base: options.base } : {}) });
  const emitDiagnostics: Diagnostic[] = [];
  const format = options.format ?? 'yaml';
  let objects = 0;
  let files = 0;
  const batchOf = (unit: TeamClusterUnit): CompileBatch => {
    const emitted = emitUnit(org, unit, format);
    emitDiagnostics.push(...emitted.diagnostics);
    policy?.checkManifests(emitted.manifests);
    objects += emitted.manifests.length;
    files += emitted.files.length;
    return { manifests: emitted.manifests, files: emitted.files };
  };
  // Each batch is yielded straight from the call that builds it, so no local of the suspended
  // generator keeps the previous batch alive while the next is built.
  for (const unit of teamClusterUnits(org, options)) yield batchOf(unit);
  const extra = orgFiles(org, options);
  files += extra.length;
  yield { manifests: [], files: extra };
  const policyResult = policy?.finish();
  const diagnostics = normalizeDiagnostics([...validated.diagnostics, ...emitDiagnostics, ...(policyResult?.diagnostics ?? [])]);
  return { diagnostics, org, objects, files, ...(policyResult ? { policy: policyResult } : {}) };
}

/**
 * Compiles a config tree to manifests, all held in memory and sorted by path; refuses to emit when
 * any error diagnostic exists. For large orgs written to disk, `compileInBatches` keeps memory flat.
 */
export function compile(tree: SourceTree, options: CompileOptions = {}): CompileResult {
  const manifests: Manifest[] = [];
  const files: OutputFile[] = [];
  const batches = compileInBatches(tree, options);
  let step = batches.next();
  for (; !step.done; step = batches.next()) {
    manifests.push(...step.value.manifests);
    files.push(...step.value.files);
  }
  const { diagnostics, org, policy } = step.value;
  if (!org) return { diagnostics, manifests: [], files: [] };
  const evaluated = policy ? { policy } : {};
  if (hasErrors(diagnostics)) return { diagnostics, org, manifests: [], files: [], ...evaluated };
  manifests.sort((a, b) => compareCodePoints(a.path, b.path));
  files.sort((a, b) => compareCodePoints(a.path, b.path));
  return { diagnostics, org, manifests, files, ...evaluated };
}

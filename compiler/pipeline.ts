/**
 * The whole compiler in one place: load → validate → resolve → emit → policy.
 * Pure: text in, result out; the CLI and the bot do the I/O.
 */
import { type Diagnostic, hasErrors, normalizeDiagnostics } from './diagnostics/diagnostic.ts';
import { type EmitOptions, emitOrg } from './emit/emit-org.ts';
import type { Manifest, OutputFile } from './emit/manifest.ts';
import { loadConfig } from './load/load-config.ts';
import type { ParseLimits } from './load/parse-file.ts';
import type { SourceTree } from './load/source-tree.ts';
import { evaluatePolicies, type PolicyResult } from './policy/evaluate-policies.ts';
import { resolveOrg } from './resolve/resolve-org.ts';
import type { ResolvedOrg } from './resolve/resolved-org.ts';
import { validateConfig } from './validate/validate-config.ts';

/** Result of `validate`. */
export interface ValidateResult {
  /** Sorted, de-duplicated. */
  readonly diagnostics: Diagnostic[];
  /** The resolved org, when there were no errors. */
  readonly org?: ResolvedOrg;
}

/** Options of `validate`. */
export interface ValidateOptions {
  readonly limits?: ParseLimits;
}

/** Options of `compile`. */
export interface CompileOptions extends ValidateOptions, EmitOptions {
  /** Today, for waiver expiry. @default new Date() */
  readonly now?: Date;
  /** Evaluate policies; false isolates emit in benchmarks. @default true */
  readonly policies?: boolean;
  /** The base of a change, for rules that compare against it (promotion path). */
  readonly base?: ResolvedOrg;
}

/** Result of `compile`. */
export interface CompileResult extends ValidateResult {
  /** Empty when any error was found: the compiler never emits partial output. */
  readonly manifests: Manifest[];
  readonly files: OutputFile[];
  /** Policy findings, rules and waivers in force (absent when validation failed or policies were off). */
  readonly policy?: PolicyResult;
}

/** Loads, validates and resolves a config tree. */
export function validate(tree: SourceTree, options: ValidateOptions = {}): ValidateResult {
  const loaded = loadConfig(tree, options.limits);
  const validation = validateConfig(loaded);
  const diagnostics = normalizeDiagnostics([...loaded.diagnostics, ...validation.diagnostics]);
  if (!validation.config || hasErrors(diagnostics)) return { diagnostics };
  return { diagnostics, org: resolveOrg(validation.config, tree.otherPaths) };
}

/** Compiles a config tree to manifests; refuses to emit when any error diagnostic exists. */
export function compile(tree: SourceTree, options: CompileOptions = {}): CompileResult {
  const validated = validate(tree, options);
  if (!validated.org) return { diagnostics: validated.diagnostics, manifests: [], files: [] };
  const org = validated.org;
  const emitted = emitOrg(org, options);
  const policy = options.policies === false ? undefined : evaluatePolicies(org, emitted.manifests, { now: options.now ?? new Date(), ...(options.base ? { base: options.base } : {}) });
  const diagnostics = normalizeDiagnostics([...validated.diagnostics, ...emitted.diagnostics, ...(policy?.diagnostics ?? [])]);
  const evaluated = policy ? { policy } : {};
  if (hasErrors(diagnostics)) return { diagnostics, org, manifests: [], files: [], ...evaluated };
  return { diagnostics, org, manifests: emitted.manifests, files: emitted.files, ...evaluated };
}

/**
 * Compiles the base and head trees for a plan. Incrementally when `platform.yaml` is unchanged:
 * each side is reduced to the org files plus the team files whose inputs changed, so a one-team
 * change in a thousand-team repo compiles one team twice instead of a thousand.
 */
import { type CompileOptions, type CompileResult, compile } from '../../pipeline.ts';
import type { SourceTree } from '../../load/source-tree.ts';
import type { InputChange } from '../plan-model.ts';
import { affectedInputs, isTeamFile, type TeamKey, teamKeyOf } from './input-changes.ts';

/** The compile function a plan uses (injectable so tests can isolate the diff). */
export type CompileFunction = (tree: SourceTree, options?: CompileOptions) => CompileResult;

/** Both compiles and how they were scoped. */
export interface ComparedCompiles {
  readonly base: CompileResult;
  readonly head: CompileResult;
  readonly incremental: boolean;
  /** Team keys compiled (folder names, or `mlops.yaml` for a single-team repo). */
  readonly compiledTeams: readonly TeamKey[];
  /** Team keys present in base or head. */
  readonly allTeams: readonly TeamKey[];
}

/** Options of `compileSides`. */
export interface CompileSidesOptions {
  readonly compile?: CompileFunction;
  readonly compileOptions?: CompileOptions;
  /** Compile only affected teams when the platform is unchanged. @default true */
  readonly incremental?: boolean;
}

const EMPTY_RESULT: CompileResult = { diagnostics: [], manifests: [], files: [] };

function teamKeys(tree: SourceTree): TeamKey[] {
  return tree.files.filter((file) => isTeamFile(file.path)).map((file) => teamKeyOf(file.path)!);
}

/** The tree reduced to its org-level files and the given teams' files (every other path kept). */
export function subsetTree(tree: SourceTree, teams: ReadonlySet<TeamKey>): SourceTree {
  return {
    files: tree.files.filter((file) => !isTeamFile(file.path) || teams.has(teamKeyOf(file.path)!)),
    ...(tree.otherPaths ? { otherPaths: tree.otherPaths } : {}),
  };
}

function compileSubset(run: CompileFunction, full: SourceTree, teams: ReadonlySet<TeamKey>, options: CompileOptions): CompileResult {
  const subset = subsetTree(full, teams);
  const hasConfig = (tree: SourceTree) => tree.files.some((file) => file.path === 'platform.yaml' || isTeamFile(file.path));
  // A repo without platform.yaml whose unchanged teams were dropped has nothing to compile on this side.
  if (!hasConfig(subset) && hasConfig(full)) return EMPTY_RESULT;
  return run(subset, options);
}

function withBase(options: CompileOptions, base: CompileResult): CompileOptions {
  return base.org ? { ...options, base: base.org } : options;
}

/**
 * Compiles base and head, incrementally when possible. The head is compiled against the base org,
 * so rules that compare with the base (a version reaches prod only after the promotion source
 * served it) judge the change rather than the head alone.
 */
export function compileSides(base: SourceTree, head: SourceTree, inputs: readonly InputChange[], options: CompileSidesOptions = {}): ComparedCompiles {
  const run = options.compile ?? compile;
  const compileOptions = options.compileOptions ?? {};
  const allTeams = [...new Set([...teamKeys(base), ...teamKeys(head)])].sort();
  const affected = affectedInputs(inputs, head, base);
  if (options.incremental === false || affected.orgChanged) {
    const baseResult = run(base, compileOptions);
    return { base: baseResult, head: run(head, withBase(compileOptions, baseResult)), incremental: false, compiledTeams: allTeams, allTeams };
  }
  const baseResult = compileSubset(run, base, affected.teams, compileOptions);
  return {
    base: baseResult,
    head: compileSubset(run, head, affected.teams, withBase(compileOptions, baseResult)),
    incremental: true,
    compiledTeams: allTeams.filter((team) => affected.teams.has(team)),
    allTeams,
  };
}

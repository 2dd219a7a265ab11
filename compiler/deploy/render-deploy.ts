/**
 * Renders the merged config for the deploy repo: only the teams whose inputs changed since the last
 * deployed source SHA (everything when platform.yaml changed, or when the previous tree, state or
 * catalog is unknown) — the plan's `inputChanges`/`compileSides` decide. The org-wide `registry.json`
 * of an incremental render is the previous catalog with the rendered teams' entries replaced as text
 * (catalog-text.ts), byte for byte what a full render gives. The base side is only validated (its org feeds the ML summary). Pure.
 */
import type { OutputFile } from '../emit/manifest.ts';
import { REGISTRY_CATALOG_PATH } from '../emit/registry/registry-catalog.ts';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import type { SourceTree } from '../load/source-tree.ts';
import { type CompileOptions, type CompileResult, compile, validate } from '../pipeline.ts';
import { type CompileFunction, compileSides } from '../plan/inputs/compile-sides.ts';
import { inputChanges } from '../plan/inputs/input-changes.ts';
import type { InputChange } from '../plan/plan-model.ts';
import { compareCodePoints } from '../support/compare-code-points.ts';
import type { DeployRepoSnapshot } from './deploy-model.ts';
import { catalogEntry, joinCatalog, splitCatalog } from './catalog-text.ts';
import { gitBlobId, teamOfGeneratedPath } from './deploy-state.ts';

/** A render for the deploy repo. */
export interface DeployRender {
  readonly base: CompileResult;
  readonly head: CompileResult;
  readonly inputs: readonly InputChange[];
  readonly incremental: boolean;
  readonly renderedTeams: readonly string[];
  /** False when the head has errors: nothing below is filled then. */
  readonly ok: boolean;
  /** Files whose content changes, sorted by path. */
  readonly writes: readonly OutputFile[];
  /** Generated files to delete, sorted. */
  readonly deletions: readonly string[];
  /** Every generated file after the deploy: blob id by path. */
  readonly files: ReadonlyMap<string, string>;
}

function headTeams(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  const teams = (JSON.parse(text) as { teams?: unknown }).teams;
  return typeof teams === 'object' && teams !== null ? (teams as Record<string, unknown>) : undefined;
}

/** A compile function that only validates the base side (recognised by its file objects) and compiles the head. */
function validatingBase(base: SourceTree): { tree: SourceTree; run: CompileFunction } {
  const tree: SourceTree = { files: base.files.map((file) => ({ ...file })), ...(base.otherPaths ? { otherPaths: base.otherPaths } : {}) };
  const baseFiles = new Set(tree.files);
  const run: CompileFunction = (candidate, options) => {
    if (candidate.files.length > 0 && candidate.files.every((file) => baseFiles.has(file))) return { ...validate(candidate, options), manifests: [], files: [] };
    return compile(candidate, options);
  };
  return { tree, run };
}


/** Renders `source` against the deploy repo `repo`, from `previousSource` when known. */
export function renderDeploy(source: SourceTree, previousSource: SourceTree | undefined, repo: DeployRepoSnapshot, options: CompileOptions): DeployRender {
  const catalog = repo.registry === undefined ? undefined : splitCatalog(repo.registry);
  const canIncrement = previousSource !== undefined && repo.state !== undefined && catalog !== undefined;
  const previous = canIncrement ? previousSource : { files: [] };
  const inputs = inputChanges(previous, source);
  const { tree: base, run } = validatingBase(previous);
  const sides = compileSides(base, source, inputs, { compile: run, compileOptions: options, incremental: canIncrement });
  const common = { base: sides.base, head: sides.head, inputs, incremental: sides.incremental, renderedTeams: sides.compiledTeams };
  if (hasErrors(sides.head.diagnostics) || !sides.head.org) return { ...common, ok: false, writes: [], deletions: [], files: new Map() };

  const rendered = new Map<string, OutputFile>(sides.head.files.map((file) => [file.path, file]));
  // A Map, not an object: a 1,000-team org has ~150,000 generated files.
  let files = new Map<string, string>();
  let removable: (path: string) => boolean;
  if (sides.incremental) {
    const names = new Set([...(sides.base.org?.teams ?? []), ...sides.head.org.teams].map((team) => team.name));
    const teams = new Map([...catalog!.teams].filter(([name]) => !names.has(name)));
    for (const [name, value] of Object.entries(headTeams(rendered.get(REGISTRY_CATALOG_PATH)?.content) ?? {})) teams.set(name, catalogEntry(name, value));
    rendered.set(REGISTRY_CATALOG_PATH, { path: REGISTRY_CATALOG_PATH, content: joinCatalog({ prefix: catalog!.prefix, teams }) });
    files = new Map(repo.generated);
    removable = (path) => names.has(teamOfGeneratedPath(path) ?? '\u0000');
  } else {
    removable = () => true;
  }
  const deletions = new Set<string>();
  for (const path of repo.generated.keys()) {
    if (!rendered.has(path) && removable(path)) {
      deletions.add(path);
      files.delete(path);
    }
  }
  const writes: OutputFile[] = [];
  for (const file of rendered.values()) {
    const blob = gitBlobId(file.content);
    files.set(file.path, blob);
    if (repo.generated.get(file.path) !== blob) writes.push(file);
  }
  return {
    ...common,
    ok: true,
    writes: writes.sort((a, b) => compareCodePoints(a.path, b.path)),
    deletions: [...deletions].sort(compareCodePoints),
    files,
  };
}

/**
 * Which inputs differ between two source trees, and which teams they belong to. A team's inputs are
 * its `teams/<team>/mlops.yaml` and the other paths under its folder (model cards…); `platform.yaml`
 * is an input of every team. Config lookalikes (`mlops.yml`) only yield diagnostics and are always compiled.
 */
import type { SourceFile, SourceTree } from '../../load/source-tree.ts';
import type { ChangeAction, InputChange } from '../plan-model.ts';
import { compareCodePoints } from '../../support/compare-code-points.ts';

const TEAM_FILE = /^teams\/([^/]+)\/mlops\.yaml$/;
const TEAM_FOLDER = /^teams\/([^/]+)\//;
const ROOT_TEAM_FILE = 'mlops.yaml';
const PLATFORM_FILE = 'platform.yaml';

/** The key of a team's inputs: its folder name, or `mlops.yaml` for a single-team repo. */
export type TeamKey = string;

/** The team key a path belongs to, or undefined for org-level paths. */
export function teamKeyOf(path: string): TeamKey | undefined {
  if (path === ROOT_TEAM_FILE) return ROOT_TEAM_FILE;
  return TEAM_FOLDER.exec(path)?.[1];
}

/** True for a team's config file. */
export function isTeamFile(path: string): boolean {
  return path === ROOT_TEAM_FILE || TEAM_FILE.test(path);
}

function sameContent(a: SourceFile['content'], b: SourceFile['content']): boolean {
  // Readers that keep blobs by object id (the bot's clone cache) hand out one array per content.
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string') return false;
  const left = typeof a === 'string' ? new TextEncoder().encode(a) : a;
  const right = typeof b === 'string' ? new TextEncoder().encode(b) : b;
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) if (left[index] !== right[index]) return false;
  return true;
}

function roleOf(path: string): InputChange['role'] {
  if (path === PLATFORM_FILE) return 'platform';
  return isTeamFile(path) ? 'team' : 'other';
}

function change(path: string, action: ChangeAction): InputChange {
  const team = teamKeyOf(path);
  return { path, action, role: roleOf(path), ...(team !== undefined && team !== ROOT_TEAM_FILE ? { team } : {}) };
}

/** Every config file or other path that differs, sorted by path. */
export function inputChanges(base: SourceTree, head: SourceTree): InputChange[] {
  const changes: InputChange[] = [];
  const baseFiles = new Map(base.files.map((file) => [file.path, file.content]));
  const headFiles = new Map(head.files.map((file) => [file.path, file.content]));
  for (const [path, content] of headFiles) {
    const before = baseFiles.get(path);
    if (before === undefined) changes.push(change(path, 'added'));
    else if (!sameContent(before, content)) changes.push(change(path, 'changed'));
  }
  for (const path of baseFiles.keys()) if (!headFiles.has(path)) changes.push(change(path, 'removed'));
  const baseOther = new Set(base.otherPaths ?? []);
  const headOther = new Set(head.otherPaths ?? []);
  for (const path of headOther) if (!baseOther.has(path) && !baseFiles.has(path)) changes.push(change(path, 'added'));
  for (const path of baseOther) if (!headOther.has(path) && !headFiles.has(path)) changes.push(change(path, 'removed'));
  return changes.sort((a, b) => compareCodePoints(a.path, b.path));
}

/** Which teams must be recompiled for a set of input changes. */
export interface AffectedInputs {
  /** True when an org-level config file changed: every team depends on it. */
  readonly orgChanged: boolean;
  /** Keys of teams whose own inputs changed. */
  readonly teams: ReadonlySet<TeamKey>;
}

/** Classifies input changes into org-level and per-team. */
export function affectedInputs(changes: readonly InputChange[], head: SourceTree, base: SourceTree): AffectedInputs {
  const teams = new Set<TeamKey>();
  let orgChanged = false;
  const hasRootTeam = [...head.files, ...base.files].some((file) => file.path === ROOT_TEAM_FILE);
  for (const input of changes) {
    const key = teamKeyOf(input.path);
    if (input.path === PLATFORM_FILE) orgChanged = true;
    else if (key !== undefined) teams.add(key);
    if (hasRootTeam && input.role === 'other') teams.add(ROOT_TEAM_FILE);
  }
  return { orgChanged, teams };
}

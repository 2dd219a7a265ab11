/**
 * The Kubernetes side of a plan: which rendered output files are added, changed or removed, with a
 * unified diff of each, grouped by cluster.
 */
import type { Manifest, OutputFile } from '../../emit/manifest.ts';
import type { ResolvedOrg } from '../../resolve/resolved-org.ts';
import { unifiedDiff } from '../diff/line-diff.ts';
import { PLATFORM_BOOTSTRAP_FOLDER } from '../../emit/platform-bootstrap/emit-platform-bootstrap.ts';
import type { ChangeAction, ChangeCounts, ClusterChanges, ResourceChange } from '../plan-model.ts';
import { compareCodePoints } from '../../support/compare-code-points.ts';

/** One side of the comparison: its rendered files and the manifests they came from. */
export interface RenderedSide {
  readonly files: readonly OutputFile[];
  readonly manifests: readonly Manifest[];
  readonly org?: ResolvedOrg;
}

const CLUSTER_PATH = /^clusters\/([^/]+)\/(?:([^/]+)\/)?/;

interface FileOwner {
  readonly cluster: string;
  readonly team: string;
  readonly objects: string[];
}

function ownersByPath(manifests: readonly Manifest[]): Map<string, FileOwner> {
  const owners = new Map<string, FileOwner>();
  for (const manifest of manifests) {
    const owner = owners.get(manifest.path) ?? { cluster: manifest.cluster, team: manifest.team, objects: [] };
    owner.objects.push(`${manifest.object.kind}/${manifest.object.metadata.name}`);
    owners.set(manifest.path, owner);
  }
  return owners;
}

function ownerOf(path: string, head: Map<string, FileOwner>, base: Map<string, FileOwner>): FileOwner {
  const known = head.get(path) ?? base.get(path);
  if (known) return { ...known, objects: [...known.objects].sort() };
  const match = CLUSTER_PATH.exec(path);
  // A cluster's platform bootstrap (`clusters/<cluster>/platform/`) belongs to no team.
  const team = match?.[2] === PLATFORM_BOOTSTRAP_FOLDER ? '' : (match?.[2] ?? '');
  return { cluster: match?.[1] ?? '', team, objects: [] };
}

/** Cluster name → environment name, from the head org then the base org. */
export function clusterEnvironments(...orgs: (ResolvedOrg | undefined)[]): Map<string, string> {
  const environments = new Map<string, string>();
  for (const org of orgs) {
    for (const environment of org?.platform.environments ?? []) {
      for (const cluster of environment.clusters) if (!environments.has(cluster.name)) environments.set(cluster.name, environment.name);
    }
  }
  return environments;
}

/** Every output file that differs between base and head, sorted by path. */
export function resourceChanges(base: RenderedSide, head: RenderedSide): ResourceChange[] {
  const baseFiles = new Map(base.files.map((file) => [file.path, file.content]));
  const headFiles = new Map(head.files.map((file) => [file.path, file.content]));
  const headOwners = ownersByPath(head.manifests);
  const baseOwners = ownersByPath(base.manifests);
  const environments = clusterEnvironments(head.org, base.org);
  const paths = [...new Set([...baseFiles.keys(), ...headFiles.keys()])].sort();
  const changes: ResourceChange[] = [];
  for (const path of paths) {
    const before = baseFiles.get(path);
    const after = headFiles.get(path);
    if (before === after) continue;
    const action: ChangeAction = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
    const owner = ownerOf(path, headOwners, baseOwners);
    const diff = unifiedDiff(path, before, after);
    changes.push({
      path,
      action,
      cluster: owner.cluster,
      environment: environments.get(owner.cluster) ?? '',
      team: owner.team,
      objects: owner.objects,
      diff: diff.text,
      linesAdded: diff.added,
      linesRemoved: diff.removed,
    });
  }
  return changes;
}

/** Counts changes by action. */
export function countChanges(changes: readonly ResourceChange[]): ChangeCounts {
  const count = (action: ChangeAction) => changes.filter((change) => change.action === action).length;
  return { added: count('added'), changed: count('changed'), removed: count('removed') };
}

/** Groups changes by cluster (org-level output under cluster `''`), sorted by environment order then name. */
export function changesByCluster(changes: readonly ResourceChange[], environmentOrder: readonly string[]): ClusterChanges[] {
  const groups = new Map<string, ResourceChange[]>();
  for (const change of changes) {
    const group = groups.get(change.cluster) ?? [];
    group.push(change);
    groups.set(change.cluster, group);
  }
  const rank = (environment: string) => (environment === '' ? -1 : environmentOrder.indexOf(environment) === -1 ? environmentOrder.length : environmentOrder.indexOf(environment));
  return [...groups.entries()]
    .map(([cluster, group]) => ({
      cluster,
      environment: group[0]!.environment,
      teams: [...new Set(group.map((change) => change.team).filter((team) => team !== ''))].sort(),
      ...countChanges(group),
    }))
    .sort((a, b) => rank(a.environment) - rank(b.environment) || compareCodePoints(a.cluster, b.cluster));
}

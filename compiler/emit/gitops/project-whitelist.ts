/**
 * The kinds an AppProject lets its Application deploy: exactly what the compiler emitted for the team
 * on the cluster. Argo CD v3.5.1 (`AppProject.IsGroupKindNamePermitted`,
 * pkg/apis/application/v1alpha1/app_project_types.go) permits a namespaced kind when
 * `namespaceResourceWhitelist` is unset (nil) or lists it — an empty list permits none — and a
 * cluster-scoped kind only when `clusterResourceWhitelist` lists it (by group, kind and, optionally,
 * name; `isNamedResourceInList` in types.go). Unset would mean "any namespaced kind", so the list is
 * always written; cluster-scoped objects (the team's Namespaces) are listed by name.
 */
import { ApiObject, type Chart } from 'cdk8s';

/** A namespaced entry of an AppProject whitelist. */
export interface GroupKind {
  readonly group: string;
  readonly kind: string;
}

/** A cluster-scoped entry of an AppProject whitelist, narrowed to one object name. */
export interface NamedGroupKind extends GroupKind {
  readonly name: string;
}

/** Cluster-scoped kinds the compiler may emit into a team's folder. */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'ClusterServingRuntime', 'ClusterStorageContainer', 'ClusterWorkflowTemplate', 'PriorityClass']);

/** The API group of an `apiVersion` (`v1` → core `''`, `apps/v1` → `apps`). */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

const byGroupKind = (a: GroupKind, b: GroupKind) => (a.group === b.group ? (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) : a.group < b.group ? -1 : 1);

/** An object as a whitelist sees it. */
export interface WhitelistedObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
}

/** The whitelist entries for `objects`: their namespaced kinds, and their cluster-scoped objects by name; sorted, each once. */
export function whitelistEntries(objects: Iterable<WhitelistedObject>): { namespaced: GroupKind[]; clusterScoped: NamedGroupKind[] } {
  const namespaced = new Map<string, GroupKind>();
  const clusterScoped = new Map<string, NamedGroupKind>();
  for (const { apiVersion, kind, name } of objects) {
    const group = apiGroup(apiVersion);
    if (CLUSTER_SCOPED_KINDS.has(kind)) clusterScoped.set(`${group}/${kind}/${name}`, { group, kind, name });
    else namespaced.set(`${group}/${kind}`, { group, kind });
  }
  return {
    namespaced: [...namespaced.values()].sort(byGroupKind),
    clusterScoped: [...clusterScoped.values()].sort((a, b) => byGroupKind(a, b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}

/** The namespaced and cluster-scoped kinds of the ApiObjects in every chart of `gitopsChart`'s App but `gitopsChart` itself. */
export function emittedKinds(gitopsChart: Chart): { namespaced: GroupKind[]; clusterScoped: NamedGroupKind[] } {
  const objects: WhitelistedObject[] = [];
  for (const construct of gitopsChart.node.root.node.findAll()) {
    if (!(construct instanceof ApiObject) || construct.chart === gitopsChart) continue;
    objects.push({ apiVersion: construct.apiVersion, kind: construct.kind, name: construct.metadata.name ?? construct.name });
  }
  return whitelistEntries(objects);
}

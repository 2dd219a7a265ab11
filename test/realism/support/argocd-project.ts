/**
 * Argo CD v3.5.1's AppProject resource check, ported: `AppProject.IsGroupKindNamePermitted`
 * (pkg/apis/application/v1alpha1/app_project_types.go) with `isResourceInList` and
 * `isNamedResourceInList` (pkg/apis/application/v1alpha1/types.go).
 *  - Namespaced kinds: permitted when `namespaceResourceWhitelist` is nil (unset) or, when non-empty,
 *    lists the group and kind — an empty list permits nothing — and the blacklist does not.
 *  - Cluster-scoped kinds: permitted only when `clusterResourceWhitelist` is non-empty and lists the
 *    group, kind and (when the entry names one) the object name, and the blacklist does not.
 * Entries are matched with Go's `filepath.Match`; this port supports its `*` and `?` (no separators
 * occur in groups, kinds or names) and refuses entries with character classes or escapes.
 */

/** A whitelist or blacklist entry. */
export interface ProjectResourceEntry {
  readonly group: string;
  readonly kind: string;
  readonly name?: string;
}

/** The parts of an AppProject spec the check reads. */
export interface AppProjectResourceSpec {
  readonly namespaceResourceWhitelist?: readonly ProjectResourceEntry[];
  readonly namespaceResourceBlacklist?: readonly ProjectResourceEntry[];
  readonly clusterResourceWhitelist?: readonly ProjectResourceEntry[];
  readonly clusterResourceBlacklist?: readonly ProjectResourceEntry[];
}

/** Go `filepath.Match` for patterns made of literals, `*` and `?`. */
export function globMatch(pattern: string, value: string): boolean {
  if (/[[\\]/.test(pattern)) throw new Error(`pattern ${JSON.stringify(pattern)} uses a character class or escape this port does not support`);
  const source = pattern.replace(/[.+^${}()|]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${source}$`, 's').test(value);
}

function inList(list: readonly ProjectResourceEntry[], group: string, kind: string, name?: string): boolean {
  return list.some((entry) => globMatch(entry.kind, kind) && globMatch(entry.group, group) && (name === undefined || !entry.name || globMatch(entry.name, name)));
}

/** Whether the project permits an object of `group`/`kind` named `name`, namespaced or not. */
export function isGroupKindNamePermitted(spec: AppProjectResourceSpec, group: string, kind: string, name: string, namespaced: boolean): boolean {
  if (namespaced) {
    const whitelist = spec.namespaceResourceWhitelist;
    const whitelisted = whitelist === undefined || (whitelist.length !== 0 && inList(whitelist, group, kind));
    const blacklisted = (spec.namespaceResourceBlacklist ?? []).length !== 0 && inList(spec.namespaceResourceBlacklist ?? [], group, kind);
    return whitelisted && !blacklisted;
  }
  const whitelist = spec.clusterResourceWhitelist ?? [];
  const blacklist = spec.clusterResourceBlacklist ?? [];
  return whitelist.length !== 0 && inList(whitelist, group, kind, name) && !(blacklist.length !== 0 && inList(blacklist, group, kind, name));
}

/**
 * The RBAC subjects a team's owners and SSO groups stand for, as the Kubernetes API server names them.
 * With OIDC authentication the API server prefixes every username and group claim
 * (`--oidc-username-prefix`, `--oidc-groups-prefix`, or `claimMappings.*.prefix` of its
 * AuthenticationConfiguration): a RoleBinding must name `<prefix>fraud-ml-engineers`, not the handle
 * written in mlops.yaml. The prefixes come from platform.yaml `access` (default empty, the flags' default).
 */
import { compareCodePoints } from '../../support/compare-code-points.ts';

/** A RoleBinding subject. */
export interface RbacSubject {
  readonly kind: 'User' | 'Group';
  readonly name: string;
  readonly apiGroup: 'rbac.authorization.k8s.io';
}

/** The prefixes the API server puts before OIDC usernames and groups. */
export interface OidcPrefixes {
  readonly oidcGroupsPrefix: string;
  readonly oidcUsernamePrefix: string;
}

const NO_PREFIXES: OidcPrefixes = { oidcGroupsPrefix: '', oidcUsernamePrefix: '' };

const SSO = 'sso:';

/**
 * The subject an owner handle stands for: `@alice` → User `<user prefix>alice`; `@acme/fraud-ml` →
 * Group `<group prefix>acme:fraud-ml` (the `org:team` form GitHub identity connectors such as Dex's
 * emit); `sso:fraud-ml` → Group `<group prefix>fraud-ml`.
 */
export function ownerSubject(owner: string, prefixes: OidcPrefixes = NO_PREFIXES): RbacSubject {
  const apiGroup = 'rbac.authorization.k8s.io';
  if (owner.startsWith(SSO)) return { kind: 'Group', name: `${prefixes.oidcGroupsPrefix}${owner.slice(SSO.length)}`, apiGroup };
  const handle = owner.startsWith('@') ? owner.slice(1) : owner;
  const slash = handle.indexOf('/');
  return slash >= 0
    ? { kind: 'Group', name: `${prefixes.oidcGroupsPrefix}${handle.slice(0, slash)}:${handle.slice(slash + 1)}`, apiGroup }
    : { kind: 'User', name: `${prefixes.oidcUsernamePrefix}${handle}`, apiGroup };
}

/** The Group an SSO group of `metadata.groups` stands for (`sso:fraud-ml` and `fraud-ml` alike → `<group prefix>fraud-ml`). */
export function groupSubject(group: string, prefixes: OidcPrefixes = NO_PREFIXES): RbacSubject {
  const name = group.startsWith(SSO) ? group.slice(SSO.length) : group;
  return { kind: 'Group', name: `${prefixes.oidcGroupsPrefix}${name}`, apiGroup: 'rbac.authorization.k8s.io' };
}

/** Subjects of the team's owners and SSO groups, de-duplicated and sorted. */
export function teamSubjects(owners: readonly string[], groups: readonly string[], prefixes: OidcPrefixes = NO_PREFIXES): RbacSubject[] {
  const subjects = new Map<string, RbacSubject>();
  for (const subject of [...owners.map((owner) => ownerSubject(owner, prefixes)), ...groups.map((group) => groupSubject(group, prefixes))]) {
    subjects.set(`${subject.kind}/${subject.name}`, subject);
  }
  return [...subjects.entries()].sort(([a], [b]) => compareCodePoints(a, b)).map(([, subject]) => subject);
}

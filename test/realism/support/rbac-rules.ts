/**
 * Kubernetes RBAC rule matching, as the API server's authorizer does it: `VerbMatches`,
 * `APIGroupMatches`, `ResourceMatches` (with `*` for all resources and a star-slash-subresource form for one subresource of all) and `ResourceNameMatches` in
 * kubernetes/kubernetes `pkg/apis/rbac/v1/evaluation_helpers.go`. A rule allows a request when all four match.
 */

/** A PolicyRule as emitted. */
export interface PolicyRule {
  readonly apiGroups?: readonly string[];
  readonly resources?: readonly string[];
  readonly verbs?: readonly string[];
  readonly resourceNames?: readonly string[];
}

/** A request to authorize: `resource` may carry a subresource (`pods/exec`). */
export interface RbacRequest {
  readonly verb: string;
  readonly group: string;
  readonly resource: string;
  readonly name?: string;
}

function resourceMatches(rule: PolicyRule, combined: string): boolean {
  const slash = combined.indexOf('/');
  const subresource = slash < 0 ? '' : combined.slice(slash + 1);
  return (rule.resources ?? []).some((resource) => resource === '*' || resource === combined || (subresource !== '' && resource === `*/${subresource}`));
}

/** Whether `rule` allows `request`. */
export function ruleAllows(rule: PolicyRule, request: RbacRequest): boolean {
  const verb = (rule.verbs ?? []).some((candidate) => candidate === '*' || candidate === request.verb);
  const group = (rule.apiGroups ?? []).some((candidate) => candidate === '*' || candidate === request.group);
  const name = !rule.resourceNames || rule.resourceNames.length === 0 || (request.name !== undefined && rule.resourceNames.includes(request.name));
  return verb && group && resourceMatches(rule, request.resource) && name;
}

/** Whether any of `rules` allows `request`. */
export function rulesAllow(rules: readonly PolicyRule[], request: RbacRequest): boolean {
  return rules.some((rule) => ruleAllows(rule, request));
}

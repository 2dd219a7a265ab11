/** Required approvals as data: the bot evaluates them against a PR's reviews (`evaluateApprovals`). */

/** Why an approval is needed. */
export type ApprovalKind = 'team-owners' | 'platform-owners' | 'environment' | 'waiver-approver';

/** One approval requirement: `count` distinct approvals from `approvers` (any reviewer when empty). */
export interface ApprovalRule {
  /** Stable id, e.g. `team:fraud`, `platform`, `environment:prod`, `waiver:fraud:k8s/x:deployments/api`. */
  readonly id: string;
  readonly kind: ApprovalKind;
  /** One sentence for people, e.g. "Owners of team fraud approve changes to teams/fraud/". */
  readonly reason: string;
  /** Handles (`@user`, `@org/team`, `sso:group`) any of whom may approve; empty: any reviewer but the author. */
  readonly approvers: readonly string[];
  /** Distinct approvals needed. */
  readonly count: number;
}

/** All approvals a change needs. */
export interface RequiredApprovals {
  readonly rules: readonly ApprovalRule[];
  /** The change's author (their approval never counts), when known. */
  readonly author?: string;
  /** Separation-of-duties problems that reviews cannot fix (e.g. a waiver approved by the author). */
  readonly conflicts: readonly string[];
}

/** One review of the PR, as the bot sees it. */
export interface Review {
  /** GitHub login or handle (`alice` or `@alice`). */
  readonly reviewer: string;
  /** Team handles (`@acme/fraud-ml`) and SSO groups (`sso:fraud-ml`) the reviewer belongs to. */
  readonly memberOf?: readonly string[];
}

/** How far one rule is met. */
export interface RuleStatus {
  readonly id: string;
  readonly satisfied: boolean;
  /** Reviewers whose approval counted, as handles. */
  readonly approvedBy: readonly string[];
  /** Approvals still missing. */
  readonly missing: number;
}

/** The result of evaluating approvals against reviews. */
export interface ApprovalStatus {
  /** True when every rule is met and there is no conflict. */
  readonly satisfied: boolean;
  readonly rules: readonly RuleStatus[];
  readonly conflicts: readonly string[];
}

/** A handle in canonical form: lower case, `@` prefix unless it is an `sso:` group. */
export function normalizeHandle(handle: string): string {
  const trimmed = handle.trim().toLowerCase();
  if (trimmed.startsWith('sso:') || trimmed.startsWith('@')) return trimmed;
  return `@${trimmed}`;
}

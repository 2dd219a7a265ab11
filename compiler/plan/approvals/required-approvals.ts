/**
 * The approvals a change needs, derived from what it touches: the owners of each touched team (as
 * the base declares them, so a PR cannot appoint its own reviewers), the platform owners for
 * platform.yaml, the approval count of each protected environment it changes (the higher of base
 * and head), and the named approver of each new or renewed waiver. The author's approval never counts.
 */
import type { ResolvedOrg } from '../../resolve/resolved-org.ts';
import type { WaiverNote } from '../ml/ml-model.ts';
import type { InputChange } from '../plan-model.ts';
import { type ApprovalRule, normalizeHandle, type RequiredApprovals } from './approval-model.ts';

/** What the approvals are derived from. */
export interface ApprovalInputs {
  readonly base?: ResolvedOrg;
  readonly head?: ResolvedOrg;
  readonly inputs: readonly InputChange[];
  /** Environments whose output or serving changes. */
  readonly environments: readonly string[];
  readonly waivers: readonly WaiverNote[];
  readonly author?: string;
}

function teamNameOf(input: InputChange, orgs: readonly (ResolvedOrg | undefined)[]): string | undefined {
  if (input.team !== undefined) return input.team;
  if (input.role === 'platform') return undefined;
  // In a single-team repo (`mlops.yaml` at the root) every other path belongs to that team.
  const rootTeam = orgs.map((org) => org?.teams.find((team) => team.file === 'mlops.yaml')).find((team) => team !== undefined);
  return input.path === 'mlops.yaml' || input.role === 'other' ? rootTeam?.name : undefined;
}

function teamRules(approvals: ApprovalInputs): ApprovalRule[] {
  const orgs = [approvals.base, approvals.head];
  const teams = [...new Set(approvals.inputs.map((input) => teamNameOf(input, orgs)).filter((team): team is string => team !== undefined))].sort();
  return teams.map((name) => {
    const before = approvals.base?.teams.find((team) => team.name === name);
    const after = approvals.head?.teams.find((team) => team.name === name);
    const owners = before?.owners ?? after?.owners ?? approvals.head?.platform.owners ?? approvals.base?.platform.owners ?? [];
    const whose = before ? `owners of team ${name}` : after ? `owners of the new team ${name}` : `platform owners (team ${name} does not compile)`;
    return { id: `team:${name}`, kind: 'team-owners', reason: `Changes to team ${name} need an approval from the ${whose}.`, approvers: [...owners], count: 1 };
  });
}

function platformRule(approvals: ApprovalInputs): ApprovalRule[] {
  if (!approvals.inputs.some((input) => input.role === 'platform')) return [];
  const owners = approvals.base?.platform.owners ?? approvals.head?.platform.owners ?? [];
  return [{ id: 'platform', kind: 'platform-owners', reason: 'Changes to platform.yaml need an approval from the platform owners.', approvers: [...owners], count: 1 }];
}

function environmentRules(approvals: ApprovalInputs): ApprovalRule[] {
  const required = (org: ResolvedOrg | undefined, name: string) => org?.platform.environments.find((environment) => environment.name === name)?.approvals ?? 0;
  return approvals.environments.flatMap((name): ApprovalRule[] => {
    const count = Math.max(required(approvals.base, name), required(approvals.head, name));
    if (count === 0) return [];
    const plural = count === 1 ? 'approval' : 'approvals';
    return [{ id: `environment:${name}`, kind: 'environment', reason: `Environment ${name} is protected: changes need ${count} ${plural} from reviewers other than the author.`, approvers: [], count }];
  });
}

function waiverRules(approvals: ApprovalInputs): ApprovalRule[] {
  return approvals.waivers
    .filter((waiver) => waiver.action === 'added' || waiver.action === 'changed')
    .map((waiver) => ({
      id: `waiver:${waiver.team}:${waiver.rule}:${waiver.target}`,
      kind: 'waiver-approver' as const,
      reason: `The waiver of ${waiver.rule} for ${waiver.target} (team ${waiver.team}, ${waiver.ticket}) names ${waiver.approvedBy} as approver, who must approve this change.`,
      approvers: [waiver.approvedBy],
      count: 1,
    }));
}

function conflicts(rules: readonly ApprovalRule[], author: string | undefined): string[] {
  if (author === undefined) return [];
  const self = normalizeHandle(author);
  const found: string[] = [];
  for (const rule of rules) {
    const approvers = rule.approvers.map(normalizeHandle);
    if (approvers.length === 0 || approvers.some((approver) => approver !== self)) continue;
    found.push(rule.kind === 'waiver-approver' ? `${rule.reason.replace(/, who must approve this change\.$/, '')}: the author cannot approve their own waiver.` : `${rule.reason} The author ${self} is the only eligible approver, and the author's approval never counts.`);
  }
  return found;
}

/** Every approval the change needs, team rules first. */
export function requiredApprovals(approvals: ApprovalInputs): RequiredApprovals {
  const rules = [...platformRule(approvals), ...teamRules(approvals), ...environmentRules(approvals), ...waiverRules(approvals)];
  return { rules, ...(approvals.author !== undefined ? { author: normalizeHandle(approvals.author) } : {}), conflicts: conflicts(rules, approvals.author) };
}

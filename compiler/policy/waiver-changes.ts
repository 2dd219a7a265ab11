/**
 * Waiver changes between the base and head of a pull request, for the bot's four-eyes check: a
 * waiver a change adds (or alters) must be approved by someone other than the change's author.
 */
import type { Waiver } from '../config/types.generated.ts';
import type { ResolvedOrg } from '../resolve/resolved-org.ts';

/** A waiver as declared by a team. */
export interface DeclaredWaiver extends Waiver {
  readonly team: string;
}

function declared(org: ResolvedOrg | undefined): DeclaredWaiver[] {
  return (org?.teams ?? []).flatMap((team) => (team.policies.waivers ?? []).map((waiver) => ({ ...waiver, team: team.name })));
}

function key(waiver: DeclaredWaiver): string {
  return JSON.stringify([waiver.team, waiver.rule, waiver.target, waiver.justification, waiver.ticket, waiver.approvedBy, waiver.expires]);
}

/** Waivers in head that are not in base, field for field (a renewed or edited waiver counts as added). */
export function addedWaivers(base: ResolvedOrg | undefined, head: ResolvedOrg): DeclaredWaiver[] {
  const before = new Set(declared(base).map(key));
  return declared(head).filter((waiver) => !before.has(key(waiver)));
}

/** Added waivers whose approver is the change's author (GitHub login, with or without `@`, any case). */
export function selfApprovedWaivers(added: readonly DeclaredWaiver[], author: string): DeclaredWaiver[] {
  const login = author.replace(/^@/, '').toLowerCase();
  return added.filter((waiver) => waiver.approvedBy.replace(/^@/, '').toLowerCase() === login);
}

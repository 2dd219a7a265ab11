/**
 * Waivers: justified, approved, expiring exceptions declared in a team file. A waiver is active
 * only when its rule exists and is waivable and today is on or before `expires` (which is at most `maxWaiverDays` away). Anything else is a
 * diagnostic; an expired waiver stops waiving.
 */
import type { Waiver } from '../config/types.generated.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../diagnostics/report.ts';
import type { ResolvedOrg, ResolvedTeam, SourceRef } from '../resolve/resolved-org.ts';
import type { ModeResolver } from './rule-catalog.ts';
import type { RuleFinding } from './rule.ts';

/** Default longest waiver, in days from today. */
export const DEFAULT_MAX_WAIVER_DAYS = 90;

const DAY_MS = 86_400_000;

/** A waiver in force, as data for reports and for the bot's approver check. */
export interface ActiveWaiver {
  readonly rule: string;
  readonly team: string;
  /** As written, e.g. `deployments/fraud-api@prod`. */
  readonly target: string;
  /** The subject it covers (`deployments/fraud-api`, or `team` for the whole team). */
  readonly subject: string;
  readonly environment?: string;
  readonly justification: string;
  readonly ticket: string;
  /** Must differ from the author of the change that adds the waiver (the bot enforces it). */
  readonly approvedBy: string;
  readonly expires: string;
  /** Whole days left, 0 on the last day. */
  readonly daysLeft: number;
  readonly source: SourceRef;
}

/** The result of checking every waiver. */
export interface WaiverCheck {
  readonly active: ActiveWaiver[];
  readonly diagnostics: Diagnostic[];
}

/** `YYYY-MM-DD` as a UTC day number, or undefined when not a real date. */
export function parseDay(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return time / DAY_MS;
}

function today(now: Date): number {
  return Math.floor(now.getTime() / DAY_MS);
}

const TARGET = /^(?:(deployments|models|pipelines)\/([^@/]+)|(team))(?:@(.+))?$/;

function checkWaiver(org: ResolvedOrg, team: ResolvedTeam, waiver: Waiver, index: number, modes: ModeResolver, now: Date, diagnostics: Diagnostic[]): ActiveWaiver | undefined {
  const file = org.files.get(team.file);
  if (!file) return undefined;
  const path = ['policies', 'waivers', index];
  const report = (key: string, code: string, message: string) => diagnostics.push(diagnosticAt(file, [...path, key], code, message));
  if (!modes.isKnown(waiver.rule, team.name)) {
    report('rule', 'ML606', `Waiver names unknown rule ${waiver.rule}.`);
    return undefined;
  }
  if (!modes.isWaivable(waiver.rule, team.name)) {
    report('rule', 'ML610', `Rule ${waiver.rule} cannot be waived.`);
    return undefined;
  }
  const target = TARGET.exec(waiver.target);
  const expires = parseDay(waiver.expires);
  // Malformed targets and dates, and targets naming nothing, are validation errors (ML325, ML306, ML313).
  if (!target || expires === undefined) return undefined;
  const environment = target[4];
  const daysLeft = expires - today(now);
  if (daysLeft < 0) {
    report('expires', 'ML608', `Waiver of ${waiver.rule} for ${waiver.target} expired on ${waiver.expires}; it no longer applies.`);
    return undefined;
  }
  const maxDays = org.platform.policies.maxWaiverDays ?? DEFAULT_MAX_WAIVER_DAYS;
  if (daysLeft > maxDays) {
    report('expires', 'ML609', `Waiver of ${waiver.rule} expires in ${daysLeft} days; the platform allows at most ${maxDays}.`);
    return undefined;
  }
  return {
    rule: waiver.rule,
    team: team.name,
    target: waiver.target,
    subject: target[3] ? 'team' : `${target[1]}/${target[2]}`,
    ...(environment ? { environment } : {}),
    justification: waiver.justification,
    ticket: waiver.ticket,
    approvedBy: waiver.approvedBy,
    expires: waiver.expires,
    daysLeft,
    source: { file: team.file, path },
  };
}

/** Checks every team's waivers against the clock and the rules in force. */
export function checkWaivers(org: ResolvedOrg, modes: ModeResolver, now: Date): WaiverCheck {
  const diagnostics: Diagnostic[] = [];
  const active: ActiveWaiver[] = [];
  for (const team of org.teams) {
    (team.policies.waivers ?? []).forEach((waiver, index) => {
      const checked = checkWaiver(org, team, waiver, index, modes, now, diagnostics);
      if (checked) active.push(checked);
    });
  }
  return { active, diagnostics };
}

/** The active waiver covering a finding of `ruleId`, if any. */
export function findWaiver(waivers: readonly ActiveWaiver[], ruleId: string, finding: RuleFinding): ActiveWaiver | undefined {
  return waivers.find(
    (waiver) =>
      waiver.rule === ruleId &&
      waiver.team === finding.team &&
      (waiver.subject === 'team' || waiver.subject === finding.subject) &&
      (waiver.environment === undefined || waiver.environment === finding.environment),
  );
}
